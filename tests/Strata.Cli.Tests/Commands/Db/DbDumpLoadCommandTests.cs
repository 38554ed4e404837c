using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands.Db;

public sealed class DbDumpLoadCommandTests
{
    [Fact]
    public async Task Dump_is_deterministic_and_loads_into_an_empty_database_that_dumps_the_same()
    {
        await using var source = await TestPostgres.CreateDatabaseAsync();
        await using var target = await TestPostgres.CreateDatabaseAsync();
        var cli = new CliHarness().With("DATABASE_URL", source.Url);
        DbCli.Write(cli, "db/migrations/20240101000000_create_posts.sql",
            "-- migrate:up\nCREATE TABLE posts (id serial PRIMARY KEY, title text NOT NULL, body text);\nCREATE INDEX posts_title ON posts (title);\n-- migrate:down\nDROP TABLE posts;\n");
        (await cli.RunAsync("up")).ExitCode.ShouldBe(0);
        var schema = Path.Combine(cli.WorkingDirectory, "db", "schema.sql");

        var first = await cli.RunAsync("db", "dump");
        var firstBytes = await File.ReadAllBytesAsync(schema);
        var second = await cli.RunAsync("--json", "db", "dump");
        var load = await cli.RunAsync("db", "load", "--database-url", target.Url);
        var again = await cli.RunAsync("db", "dump", "--database-url", target.Url, "--file", "copy.sql");

        first.ExitCode.ShouldBe(0, first.ToString());
        first.Stdout.ShouldContain("wrote the schema of");
        second.ExitCode.ShouldBe(0, second.ToString());
        DbCli.Event(second, "db.dumped").GetProperty("changed").GetBoolean().ShouldBeFalse();
        (await File.ReadAllBytesAsync(schema)).ShouldBe(firstBytes);
        load.ExitCode.ShouldBe(0, load.ToString());
        load.Stdout.ShouldContain("migration version 20240101000000");
        again.ExitCode.ShouldBe(0, again.ToString());
        (await File.ReadAllBytesAsync(Path.Combine(cli.WorkingDirectory, "copy.sql"))).ShouldBe(firstBytes);
    }

    [Fact]
    public async Task Dump_and_load_spelled_as_dbmate_spells_them_are_db_dump_and_db_load_and_stay_out_of_the_root_help()
    {
        await using var source = await TestPostgres.CreateDatabaseAsync();
        await using var target = await TestPostgres.CreateDatabaseAsync();
        var cli = new CliHarness().With("DATABASE_URL", source.Url);
        DbCli.Write(cli, "db/migrations/20240101000000_create_posts.sql", "-- migrate:up\nCREATE TABLE posts (id bigint PRIMARY KEY);\n");
        (await cli.RunAsync("up")).ExitCode.ShouldBe(0);

        var dump = await cli.RunAsync("dump");
        var load = await cli.RunAsync("load", "--url", target.Url);
        var help = await cli.RunAsync("--help");
        var dumpHelp = await cli.RunAsync("dump", "--help");
        var loadHelp = await cli.RunAsync("load", "-h");

        dump.ExitCode.ShouldBe(0, dump.ToString());
        dump.Stdout.ShouldContain("wrote the schema of");
        load.ExitCode.ShouldBe(0, load.ToString());
        load.Stdout.ShouldContain("migration version 20240101000000");
        help.Stdout.ShouldNotContain("  dump");
        help.Stdout.ShouldNotContain("  load");
        dumpHelp.ExitCode.ShouldBe(0, dumpHelp.ToString());
        dumpHelp.Stdout.ShouldContain("strata dump [options]");
        loadHelp.ExitCode.ShouldBe(0, loadHelp.ToString());
        loadHelp.Stdout.ShouldContain("strata load [options]");
    }

    [Fact]
    public async Task Load_of_a_dump_made_with_another_history_table_reads_its_version_there_and_names_the_table()
    {
        await using var source = await TestPostgres.CreateDatabaseAsync();
        await using var target = await TestPostgres.CreateDatabaseAsync();
        var cli = new CliHarness().With("DATABASE_URL", source.Url);
        DbCli.Write(cli, "db/migrations/20240101000000_create_posts.sql", "-- migrate:up\nCREATE SCHEMA IF NOT EXISTS meta;\nCREATE TABLE posts (id bigint PRIMARY KEY);\n");
        (await cli.RunAsync("up", "--history-table", "meta.hist")).ExitCode.ShouldBe(0);
        (await cli.RunAsync("db", "dump", "--history-table", "meta.hist")).ExitCode.ShouldBe(0);

        var load = await cli.RunAsync("--json", "db", "load", "--database-url", target.Url);

        load.ExitCode.ShouldBe(0, load.ToString());
        var loaded = DbCli.Event(load, "db.loaded");
        loaded.GetProperty("migrationVersion").GetString().ShouldBe("20240101000000");
        loaded.GetProperty("historyTable").GetString().ShouldBe("meta.hist");
        loaded.GetProperty("message").GetString().ShouldNotBeNull().ShouldContain("in meta.hist, not the history table in use: give --history-table meta.hist");
    }

    [Fact]
    public async Task Load_refuses_a_database_with_tables_with_exit_5()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await DbCli.ExecuteAsync(db, "CREATE TABLE existing (id int)");
        var cli = new CliHarness().With("DATABASE_URL", db.Url);
        DbCli.Write(cli, "db/schema.sql", "CREATE TABLE other (id int);");

        var result = await cli.RunAsync("db", "load");

        result.ExitCode.ShouldBe(5, result.ToString());
        result.Stderr.ShouldContain("already has 1 table(s) (public.existing)");
        (await DbCli.ScalarAsync<bool>(db, "SELECT to_regclass('public.other') IS NULL")).ShouldBeTrue();
    }

    [Fact]
    public async Task Load_of_a_named_file_that_does_not_exist_advises_a_dump_that_writes_that_file()
    {
        var result = await LoadBeforeConnectingAsync(_ => { });

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldEndWith(
            "dd.sql does not exist; dump the schema of a database to write one, or name another schema file\nnext: strata db dump --file dd.sql\nnext: strata db load --file <path>\n");
    }

    [Fact]
    public async Task Load_of_a_directory_advises_no_dump_which_could_not_write_there()
    {
        var result = await LoadBeforeConnectingAsync(file => Directory.CreateDirectory(file));

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldEndWith("dd.sql is a directory, not a file; name another schema file\nnext: strata db load --file <path>\n");
    }

    // The file is checked before the database is reached: the URL leads nowhere.
    private static Task<CliResult> LoadBeforeConnectingAsync(Action<string> arrange)
    {
        var cli = new CliHarness().With("DATABASE_URL", "postgres://nobody@127.0.0.1:1/none");
        arrange(Path.Combine(cli.WorkingDirectory, "dd.sql"));
        return cli.RunAsync("db", "load", "--file", "dd.sql");
    }
}
