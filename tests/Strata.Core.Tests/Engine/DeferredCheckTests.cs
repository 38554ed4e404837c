using Strata.Core.Errors;
using Strata.Testing;

namespace Strata.Core.Tests.Engine;

/// <summary>A deferred constraint fails at COMMIT, after every statement of the file ran: the error says so.</summary>
public sealed class DeferredCheckTests
{
    [Fact]
    public async Task A_deferred_constraint_that_fails_at_commit_is_reported_as_the_commit_not_as_a_statement()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = new TestMigrationSource().Add(
            "1_orders.sql",
            "-- migrate:up\n" +
            "CREATE TABLE customers (id int PRIMARY KEY);\n" +
            "CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers DEFERRABLE INITIALLY DEFERRED);\n" +
            "INSERT INTO orders VALUES (1, 42);\n");

        var error = await Should.ThrowAsync<MigrationFailedException>(() => db.Migrator(source).UpAsync());

        error.Message.ShouldStartWith("migration 1_orders failed on COMMIT at ");
        error.Message.ShouldContain("1_orders.sql:1:1: 23503 insert or update on table \"orders\" violates foreign key constraint");
        error.Message.ShouldEndWith("deferred constraints and constraint triggers are checked when the transaction commits; the migration was rolled back, so nothing of it was applied");
        error.Failure.Statement.ShouldBe("COMMIT");
        (await db.TableExistsAsync("orders")).ShouldBeFalse();
        (await db.HistoryVersionsAsync()).ShouldBeEmpty();
    }
}
