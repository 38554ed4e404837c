using Strata.Core.Errors;
using Strata.Core.Tests.Engine;
using Strata.Testing;

namespace Strata.Core.Tests.BadInput;

public sealed class CancelledNonTransactionalTests
{
    [Fact]
    public async Task Cancelling_a_transaction_false_migration_says_it_was_interrupted_and_needs_repair()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = new TestMigrationSource()
            .Add("1_slow.sql", "-- migrate:up transaction:false\nCREATE TABLE first (id int);\nSELECT pg_sleep(30);\nCREATE TABLE last (id int);\n");
        using var cancel = new CancellationTokenSource();

        var run = db.Migrator(source).UpAsync(cancellationToken: cancel.Token);
        await db.WaitForQueryAsync("pg_sleep(30)");
        await cancel.CancelAsync();

        // Awaited directly: a cancelled task's own exception is what callers see, and Shouldly would replace it.
        OperationCanceledException? caught = null;
        try
        {
            await run;
        }
        catch (OperationCanceledException ex)
        {
            caught = ex;
        }

        var error = caught.ShouldBeOfType<MigrationInterruptedException>();
        error.Message.ShouldBe("cancelled while the transaction:false migration 1_slow was running up; " +
            "it may be recorded as running with 1 of 3 statements completed: run status, and repair if it is");
        (await db.HistoryVersionsAsync("running")).ShouldBe(["1"]);
        (await db.TableExistsAsync("first")).ShouldBeTrue();
    }
}
