using Strata.Cli.Tests.Commands.Db;
using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands;

public sealed class AdoptDetectCommandTests
{
    // Migrations 1 and 2 of Migrations(), run by hand with no history table.
    private const string HandMigratedToTwo = """
        CREATE TABLE t (id integer PRIMARY KEY, name text);
        CREATE INDEX t_name_idx ON t (name);
        """;

    [Fact]
    public async Task A_database_migrated_by_hand_to_version_2_of_3_is_detected_as_2_and_nothing_is_written()
    {
        await using var target = await TestPostgres.CreateDatabaseAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        using var files = Migrations();
        await DbCli.ExecuteAsync(target, HandMigratedToTwo);

        var result = await AdoptAsync(files, target, scratch, "--detect");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("the schema equals that of version 2");
        (await DbCli.ScalarAsync<bool>(target, "SELECT to_regclass('strata_schema_migrations') IS NULL")).ShouldBeTrue();
    }

    [Theory]
    [InlineData("CREATE TABLE alembic_version (version_num varchar(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));")]
    [InlineData("""
        CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version varchar(50), description varchar(200) NOT NULL,
            type varchar(20) NOT NULL, script varchar(1000) NOT NULL, checksum int, installed_by varchar(100) NOT NULL,
            installed_on timestamp NOT NULL DEFAULT now(), execution_time int NOT NULL, success boolean NOT NULL);
        CREATE INDEX flyway_schema_history_s_idx ON flyway_schema_history (success);
        INSERT INTO flyway_schema_history VALUES (1, NULL, 'views', 'SQL', 'R__views.sql', 4711, 'app', now(), 3, true);
        """)]
    public async Task Another_tools_history_table_that_records_nothing_is_not_counted_as_a_difference(string toolTable)
    {
        await using var target = await TestPostgres.CreateDatabaseAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        using var files = Migrations();
        await DbCli.ExecuteAsync(target, HandMigratedToTwo + toolTable);

        var result = await AdoptAsync(files, target, scratch, "--detect");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("the schema equals that of version 2");
    }

    [Fact]
    public async Task A_column_added_by_hand_gives_the_nearest_version_with_the_difference_and_apply_refuses()
    {
        await using var target = await TestPostgres.CreateDatabaseAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        using var files = Migrations();
        await DbCli.ExecuteAsync(target, HandMigratedToTwo + "ALTER TABLE t ADD COLUMN hotfix boolean;");

        var text = await AdoptAsync(files, target, scratch, "--detect");
        var json = await AdoptAsync(files, target, scratch, "--detect", "--json");
        var apply = await AdoptAsync(files, target, scratch, "--detect", "--apply");

        text.ExitCode.ShouldBe(5, text.ToString());
        text.Stdout.ShouldContain("added column public.t.hotfix");
        text.Stdout.ShouldContain("no version's schema equals the database's; the nearest is version 2, 1 object differs");
        json.ExitCode.ShouldBe(5, json.ToString());
        var detected = DbCli.Event(json, "adopt.detected");
        detected.GetProperty("exact").GetBoolean().ShouldBeFalse();
        detected.GetProperty("nearest").GetString().ShouldBe("2");
        var difference = detected.GetProperty("differences").EnumerateArray().ShouldHaveSingleItem();
        difference.GetProperty("name").GetString().ShouldBe("public.t.hotfix");
        difference.GetProperty("change").GetString().ShouldBe("added");
        apply.ExitCode.ShouldBe(5, apply.ToString());
        apply.Stderr.ShouldContain("no migration version's schema equals the database's; the nearest, 2, differs in 1 object(s)");
        (await DbCli.ScalarAsync<bool>(target, "SELECT to_regclass('strata_schema_migrations') IS NULL")).ShouldBeTrue();
    }

    [Fact]
    public async Task Apply_records_the_detected_version_and_up_then_runs_exactly_migration_3()
    {
        await using var target = await TestPostgres.CreateDatabaseAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        using var files = Migrations();
        await DbCli.ExecuteAsync(target, HandMigratedToTwo);

        var apply = await AdoptAsync(files, target, scratch, "--detect", "--apply");
        var up = await new CliHarness(files.Root).RunAsync("up", "--database-url", target.Url);

        apply.ExitCode.ShouldBe(0, apply.ToString());
        apply.Stdout.ShouldContain("recorded 2 migration(s) as applied without running them: 1, 2");
        apply.Stdout.ShouldContain("(left for up): 3");
        up.ExitCode.ShouldBe(0, up.ToString());
        (await DbCli.ScalarAsync<string>(target, "SELECT string_agg(version || '/' || applied_by, ',' ORDER BY version) FROM strata_schema_migrations"))
            .ShouldBe($"1/adopt:detect,2/adopt:detect,3/{await DbCli.ScalarAsync<string>(target, "SELECT current_user")}");
        (await DbCli.ScalarAsync<int>(target, "SELECT answer()")).ShouldBe(42);
    }

    [Fact]
    public async Task Versions_a_data_only_migration_cannot_tell_apart_are_all_listed_and_apply_refuses_to_choose()
    {
        await using var target = await TestPostgres.CreateDatabaseAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        using var files = Migrations();
        files.Add(4, "seed_t", "-- migrate:up\nINSERT INTO t VALUES (1, 'one');\n\n-- migrate:down\nDELETE FROM t WHERE id = 1;\n");
        await DbCli.ExecuteAsync(target, HandMigratedToTwo + "CREATE FUNCTION answer() RETURNS integer LANGUAGE sql AS 'SELECT 42';");

        var detect = await AdoptAsync(files, target, scratch, "--detect");
        var apply = await AdoptAsync(files, target, scratch, "--detect", "--apply");

        detect.ExitCode.ShouldBe(0, detect.ToString());
        detect.Stdout.ShouldContain("the schema equals that of versions 3, 4");
        apply.ExitCode.ShouldBe(5, apply.ToString());
        apply.Stderr.ShouldContain("versions 3, 4 all produce the database's schema");
        (await DbCli.ScalarAsync<bool>(target, "SELECT to_regclass('strata_schema_migrations') IS NULL")).ShouldBeTrue();
    }

    [Fact]
    public async Task Detect_refuses_a_database_that_has_a_history()
    {
        await using var target = await TestPostgres.CreateDatabaseAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        using var files = Migrations();
        (await new CliHarness(files.Root).RunAsync("up", "--database-url", target.Url)).ExitCode.ShouldBe(0);

        var result = await AdoptAsync(files, target, scratch, "--detect");

        result.ExitCode.ShouldBe(5, result.ToString());
        result.Stderr.ShouldContain("already has 3 row(s)");
    }

    private static MigrationFiles Migrations()
    {
        var files = new MigrationFiles();
        files.Add(1, "create_t", "-- migrate:up\nCREATE TABLE t (id integer PRIMARY KEY, name text);\n\n-- migrate:down\nDROP TABLE t;\n");
        files.Add(2, "index_name", "-- migrate:up\nCREATE INDEX t_name_idx ON t (name);\n\n-- migrate:down\nDROP INDEX t_name_idx;\n");
        files.Add(3, "answer", "-- migrate:up\nCREATE FUNCTION answer() RETURNS integer LANGUAGE sql AS 'SELECT 42';\n\n-- migrate:down\nDROP FUNCTION answer();\n");
        return files;
    }

    private static Task<CliResult> AdoptAsync(MigrationFiles files, TestDatabase target, TestDatabase scratch, params string[] extra) =>
        new CliHarness(files.Root).RunAsync(["adopt", "--database-url", target.Url, "--scratch-url", scratch.Url, .. extra]);
}
