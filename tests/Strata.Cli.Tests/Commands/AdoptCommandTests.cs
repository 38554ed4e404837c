using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands;

public sealed class AdoptCommandTests
{
    private const string DbmateMigrated = """
        CREATE TABLE t0 (id int PRIMARY KEY, name text);
        CREATE TABLE t1 (id int PRIMARY KEY, name text);
        CREATE TABLE IF NOT EXISTS public.schema_migrations (version varchar(128) PRIMARY KEY);
        INSERT INTO public.schema_migrations (version) VALUES ('1000'), ('1001');
        """;

    private const string AlembicMigrated = """
        CREATE TABLE t0 (id int PRIMARY KEY, name text);
        CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));
        INSERT INTO alembic_version (version_num) VALUES ('ae1027a6acf');
        """;

    [Fact]
    public async Task Up_exits_5_on_a_dbmate_database_and_adopt_then_up_applies_only_the_new_migration()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await ExecuteAsync(db, DbmateMigrated);
        using var files = new MigrationFiles().AddTables(3);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);

        var refused = await cli.RunAsync("up");
        refused.ExitCode.ShouldBe(5, refused.ToString());
        refused.Stderr.ShouldContain("public.schema_migrations is dbmate's history table");
        refused.Stderr.ShouldContain("next: strata adopt");

        var dryRun = await cli.RunAsync("adopt", "--dry-run");
        dryRun.ExitCode.ShouldBe(0, dryRun.ToString());
        dryRun.Stdout.ShouldContain("would record 2 migration(s) from dbmate (public.schema_migrations)");
        (await ScalarAsync(db, "SELECT to_regclass('strata_schema_migrations') IS NULL")).ShouldBe(true);

        var adopt = await cli.RunAsync("adopt");
        adopt.ExitCode.ShouldBe(0, adopt.ToString());
        adopt.Stdout.ShouldContain("recorded 2 migration(s) from dbmate (public.schema_migrations) as applied without running them: 1000, 1001");
        adopt.Stdout.ShouldContain("(left for up): 1002");
        var up = await cli.RunAsync("up");
        up.ExitCode.ShouldBe(0, up.ToString());

        (await ScalarAsync(db, "SELECT string_agg(version || '/' || applied_by, ',' ORDER BY version) FROM strata_schema_migrations"))
            .ShouldBe($"1000/adopt:dbmate,1001/adopt:dbmate,1002/{await ScalarAsync(db, "SELECT current_user")}");
    }

    [Fact]
    public async Task Adopt_to_a_version_takes_over_an_alembic_database()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await ExecuteAsync(db, AlembicMigrated);
        using var files = new MigrationFiles().AddTables(2);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);

        var refused = await cli.RunAsync("up");
        refused.ExitCode.ShouldBe(5, refused.ToString());
        refused.Stderr.ShouldContain("public.alembic_version is Alembic's history table");
        var withoutTo = await cli.RunAsync("adopt");
        withoutTo.ExitCode.ShouldBe(2, withoutTo.ToString());
        withoutTo.Stderr.ShouldContain("next: strata adopt --to <version>");

        (await cli.RunAsync("adopt", "--to", "1000")).ExitCode.ShouldBe(0);
        var up = await cli.RunAsync("up");

        up.ExitCode.ShouldBe(0, up.ToString());
        (await ScalarAsync(db, "SELECT string_agg(version || '/' || origin, ',' ORDER BY version) FROM strata_schema_migrations")).ShouldBe("1000/baseline,1001/run");
        (await ScalarAsync(db, "SELECT version_num FROM alembic_version")).ShouldBe("ae1027a6acf");
    }

    [Fact]
    public async Task Up_exits_5_on_tables_without_history_and_up_with_a_baseline_takes_over()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await ExecuteAsync(db, "CREATE TABLE t0 (id int PRIMARY KEY, name text);");
        using var files = new MigrationFiles().AddTables(2);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);

        var refused = await cli.RunAsync("up");
        refused.ExitCode.ShouldBe(5, refused.ToString());
        refused.Stderr.ShouldContain("already has tables (public.t0) but no migration history");

        var up = await cli.RunAsync("up", "--baseline", "1000");
        up.ExitCode.ShouldBe(0, up.ToString());
        (await ScalarAsync(db, "SELECT string_agg(version || '/' || origin, ',' ORDER BY version) FROM strata_schema_migrations")).ShouldBe("1000/baseline,1001/run");
    }

    // validate is the pre-deploy gate: whatever up would refuse before running anything, it reports, changing nothing;
    // status, which lists those migrations as pending, warns of it.
    [Theory]
    [InlineData("another-tool", "public.schema_migrations is dbmate's history table and Strata's history is empty", "strata adopt")]
    [InlineData("tables-only", "the database already has tables (public.t0) but no migration history", "strata baseline")]
    [InlineData("partly-adopted", "dbmate's history table public.schema_migrations records 1001 as applied", "strata status")]
    public async Task Validate_and_status_report_what_up_would_refuse_before_running_anything(string database, string reason, string next)
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await ExecuteAsync(db, database == "tables-only" ? "CREATE TABLE t0 (id int PRIMARY KEY, name text);" : DbmateMigrated);
        using var files = new MigrationFiles().AddTables(3);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);
        if (database == "partly-adopted")
        {
            // A history started around adopt: dbmate's table still records 1001, Strata's does not.
            (await cli.RunAsync("adopt")).ExitCode.ShouldBe(0);
            await ExecuteAsync(db, "DELETE FROM strata_schema_migrations WHERE version = '1001'");
        }

        var tablesBefore = await ScalarAsync(db, "SELECT count(*) FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace");
        var validate = await cli.RunAsync("validate");
        var status = await cli.RunAsync("status");
        var up = await cli.RunAsync("up");

        validate.ExitCode.ShouldBe(5, validate.ToString());
        validate.Stdout.ShouldContain($"'strata up' would refuse to run the pending migrations: {reason}", customMessage: validate.ToString());
        validate.Stdout.ShouldContain($"next: {next}", customMessage: validate.ToString());
        status.ExitCode.ShouldBe(0, status.ToString());
        status.Stdout.ShouldContain($"warning: 'strata up' would refuse to run the pending migrations: {reason}", customMessage: status.ToString());
        status.Stdout.ShouldContain($"next: {next}", customMessage: status.ToString());
        up.ExitCode.ShouldBe(5, up.ToString());
        up.Stderr.ShouldContain(reason, customMessage: up.ToString());
        (await ScalarAsync(db, "SELECT count(*) FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace")).ShouldBe(tablesBefore);
    }

    [Fact]
    public async Task The_report_says_up_would_refuse_the_pending_migrations_and_what_resolves_it()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        await ExecuteAsync(db, DbmateMigrated);
        using var files = new MigrationFiles().AddTables(3);
        var cli = new CliHarness(files.Root);

        var markdown = await cli.RunAsync("report", "--markdown", "--database-url", db.Url, "--scratch-url", scratch.Url);
        var html = await cli.RunAsync("report", "--database-url", db.Url, "--scratch-url", scratch.Url);

        markdown.ExitCode.ShouldBe(0, markdown.ToString());
        markdown.Stdout.ShouldContain("**'strata up' would refuse to run the pending migrations: public.schema\\_migrations is dbmate's history table", customMessage: markdown.ToString());
        markdown.Stdout.ShouldContain($"Next: strata adopt --database-url {db.Url.Replace("_", "\\_", StringComparison.Ordinal)}**", customMessage: markdown.ToString());
        html.ExitCode.ShouldBe(0, html.ToString());
        html.Stdout.ShouldContain("<p class=\"bad\">&#39;strata up&#39; would refuse to run the pending migrations: public.schema_migrations is dbmate&#39;s history table", customMessage: html.ToString());
    }

    [Fact]
    public async Task A_schema_of_another_application_named_in_strata_json_does_not_stop_up()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await ExecuteAsync(db, "CREATE SCHEMA billing;" + DbmateMigrated.Replace("public.", "billing.", StringComparison.Ordinal).Replace("CREATE TABLE t", "CREATE TABLE billing.t", StringComparison.Ordinal));
        using var files = new MigrationFiles().AddTables(3);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);

        var refused = await cli.RunAsync("up");
        refused.ExitCode.ShouldBe(5, refused.ToString());
        refused.Stderr.ShouldContain("billing.schema_migrations is dbmate's history table");

        await File.WriteAllTextAsync(Path.Combine(files.Root, "strata.json"), """{ "adoption": { "ignoreSchemas": ["billing"] } }""");
        var config = await cli.RunAsync("config");
        config.Stdout.ShouldContain("adoption.ignoreSchemas in ./strata.json", customMessage: config.ToString());
        var up = await cli.RunAsync("up");
        up.ExitCode.ShouldBe(0, up.ToString());

        (await ScalarAsync(db, "SELECT string_agg(version, ',' ORDER BY version) FROM strata_schema_migrations")).ShouldBe("1000,1001,1002");
        (await ScalarAsync(db, "SELECT count(*) FROM billing.schema_migrations")).ShouldBe(2L);
    }

    private static async Task ExecuteAsync(TestDatabase db, string sql)
    {
        await using var command = db.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(TestDatabase db, string sql)
    {
        await using var command = db.DataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }
}
