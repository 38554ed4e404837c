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

    [Fact]
    public async Task Strict_refuses_out_of_order_files_as_up_does_by_default()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(1, firstVersion: 2000);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);
        (await cli.RunAsync("up")).ExitCode.ShouldBe(0);
        files.Add(1000, "late", "-- migrate:up\nCREATE TABLE late (id int);\n\n-- migrate:down\nDROP TABLE late;\n");

        var result = await cli.RunAsync("migrate", "--strict");

        result.ExitCode.ShouldBe(5, result.ToString());
        result.Stderr.ShouldContain("is pending but older than the newest applied migration");
        (await CountAsync(db)).ShouldBe(1);
    }

    [Fact]
    public async Task Strict_with_allow_out_of_order_is_a_configuration_error()
    {
        using var files = new MigrationFiles().AddTables(1);

        var result = await new CliHarness(files.Root).RunAsync("up", "--strict", "--allow-out-of-order", "-u", "postgres://a@127.0.0.1/a");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("error: --strict refuses out-of-order migrations, but --allow-out-of-order accepts them: give one");
    }

    private static async Task<long> CountAsync(TestDatabase db)
    {
        await using var command = db.DataSource.CreateCommand("SELECT count(*) FROM strata_schema_migrations");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
