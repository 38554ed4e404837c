using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands;

public sealed class DbmateSpellingCommandTests
{
    [Fact]
    public async Task Migrate_and_rollback_with_url_and_migrations_dir_spelled_as_dbmate_spells_them_work()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(2);
        var cli = new CliHarness();

        var migrate = await cli.RunAsync("migrate", "-u", db.Url, "-d", files.Path);
        migrate.ExitCode.ShouldBe(0, migrate.ToString());
        (await CountAsync(db)).ShouldBe(2);

        var rollback = await cli.RunAsync("rollback", "--url", db.Url, "--migrations-dir", files.Path, "--yes");
        rollback.ExitCode.ShouldBe(0, rollback.ToString());
        (await CountAsync(db)).ShouldBe(1);
    }

    [Fact]
    public async Task A_short_and_a_long_spelling_of_one_option_together_are_given_twice()
    {
        using var files = new MigrationFiles().AddTables(1);

        var result = await new CliHarness(files.Root).RunAsync("up", "-u", "postgres://a@127.0.0.1/a", "--database-url", "postgres://b@127.0.0.1/b");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("error: --database-url is given more than once; give it once");
    }

    private static async Task<long> CountAsync(TestDatabase db)
    {
        await using var command = db.DataSource.CreateCommand("SELECT count(*) FROM strata_schema_migrations");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
