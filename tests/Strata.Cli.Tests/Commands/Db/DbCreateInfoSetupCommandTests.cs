using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands.Db;

public sealed class DbCreateInfoSetupCommandTests
{
    [Fact]
    public async Task Create_makes_the_database_once_and_then_says_it_exists()
    {
        await using var observer = await TestPostgres.CreateDatabaseAsync();
        var name = observer.Name + "_cli";
        var cli = new CliHarness().With("DATABASE_URL", observer.Server.UrlFor(name));
        try
        {
            var first = await cli.RunAsync("db", "create", "--template", "template0", "--encoding", "UTF8");
            var second = await cli.RunAsync("--json", "db", "create");

            first.ExitCode.ShouldBe(0, first.ToString());
            first.Stdout.Trim().ShouldBe($"created database '{name}' on {observer.Server.Host}:{observer.Server.Port}");
            second.ExitCode.ShouldBe(0, second.ToString());
            DbCli.Event(second, "db.created").GetProperty("created").GetBoolean().ShouldBeFalse();
            (await DbCli.ExistsAsync(observer, name)).ShouldBeTrue();
        }
        finally
        {
            await cli.RunAsync("db", "drop", "--yes", "--force");
        }
    }

    [Fact]
    public async Task Create_refused_an_encoding_its_template_lacks_names_a_rerun_that_keeps_the_encoding_and_locale()
    {
        await using var observer = await TestPostgres.CreateDatabaseAsync();
        var name = observer.Name + "_latin1";
        var cli = new CliHarness().With("DATABASE_URL", observer.Server.UrlFor(name));
        try
        {
            var refused = await cli.RunAsync("db", "create", "--encoding", "LATIN1", "--locale", "C");

            refused.ExitCode.ShouldNotBe(0, refused.ToString());
            refused.Stderr.ShouldContain("next: strata db create --encoding LATIN1 --locale C --template template0", customMessage: refused.ToString());
            (await cli.RunAsync("db", "create", "--encoding", "LATIN1", "--locale", "C", "--template", "template0")).ExitCode.ShouldBe(0);
            (await DbCli.ScalarAsync<string>(observer, $"SELECT pg_encoding_to_char(encoding)::text FROM pg_database WHERE datname = '{name}'")).ShouldBe("LATIN1");
        }
        finally
        {
            await cli.RunAsync("db", "drop", "--yes", "--force");
        }
    }

    [Fact]
    public async Task Info_reports_version_size_tables_and_migration_version()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var cli = new CliHarness().With("DATABASE_URL", db.Url);
        DbCli.Write(cli, "db/migrations/20240101000000_create_a.sql", "-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\n");

        var before = await cli.RunAsync("db", "info");
        (await cli.RunAsync("up")).ExitCode.ShouldBe(0);
        var after = await cli.RunAsync("--json", "db", "info");

        before.ExitCode.ShouldBe(0, before.ToString());
        before.Stdout.ShouldMatch(@"migration\s+no history table \(public\.strata_schema_migrations\)");
        before.Stdout.ShouldMatch(@"tables\s+0");
        var info = DbCli.Event(after, "db.info");
        info.GetProperty("database").GetString().ShouldBe(db.Name);
        info.GetProperty("tables").GetInt32().ShouldBe(2);
        info.GetProperty("migrationVersion").GetString().ShouldBe("20240101000000");
        info.GetProperty("appliedMigrations").GetInt32().ShouldBe(1);
        info.GetProperty("serverVersion").GetString().ShouldNotBeNullOrEmpty();
        info.GetProperty("sizeBytes").GetInt64().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Setup_creates_migrates_and_seeds_then_only_migrates()
    {
        await using var observer = await TestPostgres.CreateDatabaseAsync();
        var name = observer.Name + "_setup";
        var cli = new CliHarness().With("DATABASE_URL", observer.Server.UrlFor(name));
        DbCli.Write(cli, "db/migrations/20240101000000_create_users.sql", "-- migrate:up\nCREATE TABLE users (id int PRIMARY KEY);\n-- migrate:down\n");
        DbCli.Write(cli, "db/seeds/001_users.sql", "INSERT INTO users VALUES (1), (2);");
        try
        {
            var first = await cli.RunAsync("db", "setup");
            var second = await cli.RunAsync("--json", "db", "setup");

            first.ExitCode.ShouldBe(0, first.ToString());
            first.Stdout.ShouldContain($"created database '{name}'");
            first.Stdout.ShouldContain("applied 20240101000000 create_users");
            first.Stdout.ShouldContain("seeded db/seeds/001_users.sql");
            second.ExitCode.ShouldBe(0, second.ToString());
            var setup = DbCli.Event(second, "db.setup");
            setup.GetProperty("created").GetBoolean().ShouldBeFalse();
            setup.GetProperty("seeded").GetBoolean().ShouldBeFalse();
            setup.GetProperty("seedsSkipped").GetString().ShouldNotBeNull().ShouldContain("already had migrations applied");
        }
        finally
        {
            await cli.RunAsync("db", "drop", "--yes", "--force");
        }
    }

    [Fact]
    public async Task Db_help_lists_every_lifecycle_command()
    {
        var result = await new CliHarness().RunAsync("db", "--help");

        result.ExitCode.ShouldBe(0);
        // Snapshot looks in ../Snapshots from the calling file; this file is one folder deeper than the others.
        Snapshot.Match("help-db.txt", result.Stdout);
    }
}
