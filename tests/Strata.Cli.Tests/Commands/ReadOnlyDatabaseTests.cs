using Strata.Cli.Tests.Support;
using Strata.Cli.Tests.Commands.Db;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands;

public sealed class ReadOnlyDatabaseTests
{
    private const string ReadOnly = "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET default_transaction_read_only = on', current_database()); END $$";

    [Fact]
    public async Task A_migration_refused_by_a_read_only_database_says_to_connect_to_the_primary()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(2);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);
        (await cli.RunAsync("up", "--steps", "1")).ExitCode.ShouldBe(0);
        await DbCli.ExecuteAsync(db, ReadOnly);

        var result = await cli.RunAsync("up");

        var error = result.Stderr.Split('\n').Single(l => l.StartsWith("error:", StringComparison.Ordinal));
        error.ShouldContain("25006");
        error.ShouldContain("the database only accepts reads (a standby, or default_transaction_read_only is on): connect to the primary");
        error.ShouldNotContain("grant the migration role CREATE");
    }

    [Fact]
    public async Task Creating_the_history_table_on_a_read_only_database_gets_the_same_hint()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(1);
        await DbCli.ExecuteAsync(db, ReadOnly);

        var result = await new CliHarness(files.Root).With("DATABASE_URL", db.Url).RunAsync("up");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("the database only accepts reads (a standby, or default_transaction_read_only is on)");
    }
}
