using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands;

/// <summary>
/// A role the server does not let read or write the history table gets one error from every command: it names the
/// table and says what stayed applied, rather than blaming a line of a migration file.
/// </summary>
public sealed class HistoryPrivilegeTests
{
    private const string Refused = "42501 permission denied for table strata_schema_migrations";

    [Fact]
    public async Task A_role_that_may_not_read_the_history_gets_the_same_error_from_db_info_as_from_status()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(1);
        (await new CliHarness(files.Root).With("DATABASE_URL", db.Url).RunAsync("up")).ExitCode.ShouldBe(0);
        await using var role = await Role.CreateAsync(db, grants: null);

        var status = await role.Cli(files).RunAsync("status");
        var info = await role.Cli(files).RunAsync("db", "info");

        var expected = $"error: Could not read the history table public.strata_schema_migrations: {Refused} (hint: grant the role SELECT on it";
        status.ExitCode.ShouldBe(2, status.ToString());
        status.Stderr.ShouldContain(expected);
        info.ExitCode.ShouldBe(2, info.ToString());
        info.Stderr.ShouldContain(expected);
    }

    [Fact]
    public async Task A_role_that_may_only_read_the_history_is_told_so_and_no_migration_half_happens()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles();
        files.Add(1000, "noop", "-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 1;\n");
        (await new CliHarness(files.Root).With("DATABASE_URL", db.Url).RunAsync("up")).ExitCode.ShouldBe(0);
        files.Add(1001, "create_t1", "-- migrate:up\nCREATE TABLE t1 (id int PRIMARY KEY);\n-- migrate:down\nDROP TABLE t1;\n");
        await using var role = await Role.CreateAsync(db, "GRANT SELECT ON public.strata_schema_migrations TO {0}; GRANT CREATE ON SCHEMA public TO {0}");
        var cli = role.Cli(files);

        var up = await cli.RunAsync("up");
        var stamp = await cli.RunAsync("stamp", "1001");
        var down = await cli.RunAsync("down");

        var refusal = $"error: Could not write to the history table public.strata_schema_migrations: {Refused} (hint: grant the role SELECT, INSERT, UPDATE and DELETE on it";
        up.ExitCode.ShouldBe(2, up.ToString());
        up.Stderr.ShouldContain(refusal);
        up.Stderr.ShouldContain("; migration 1001_create_t1: the migration was rolled back, so nothing of it was applied.");
        up.Stderr.ShouldNotContain("failed at", customMessage: "the file is not to blame");
        (await Db.DbCli.ScalarAsync<bool>(db, "SELECT to_regclass('public.t1') IS NULL")).ShouldBeTrue();
        stamp.ExitCode.ShouldBe(2, stamp.ToString());
        stamp.Stderr.ShouldContain(refusal);
        stamp.Stderr.ShouldContain("; nothing was recorded.");
        down.ExitCode.ShouldBe(2, down.ToString());
        down.Stderr.ShouldContain("; migration 1000_noop: the migration's down section was rolled back, so it stays applied.");
        (await MigrationCommandTests.VersionsAsync(db)).ShouldBe(["1000"]);
    }

    [Fact]
    public async Task Adopt_by_a_role_that_may_only_read_the_history_records_nothing_and_says_why()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(1);
        var admin = new CliHarness(files.Root).With("DATABASE_URL", db.Url);
        (await admin.RunAsync("stamp", "1000")).ExitCode.ShouldBe(0);
        (await admin.RunAsync("stamp", "1000", "--remove")).ExitCode.ShouldBe(0);
        await using var role = await Role.CreateAsync(
            db,
            "CREATE TABLE public.schema_migrations (version varchar(128) PRIMARY KEY); INSERT INTO public.schema_migrations VALUES ('1000'); " +
            "GRANT SELECT ON public.schema_migrations, public.strata_schema_migrations TO {0}");

        var adopt = await role.Cli(files).RunAsync("adopt");

        adopt.ExitCode.ShouldBe(2, adopt.ToString());
        adopt.Stderr.ShouldContain($"error: Could not write to the history table public.strata_schema_migrations: {Refused}");
        adopt.Stderr.ShouldContain("; nothing was recorded.");
        (await MigrationCommandTests.VersionsAsync(db)).ShouldBeEmpty();
    }

    /// <summary>A login role of the test server with only the given privileges, dropped with whatever it was granted.</summary>
    [Fact]
    public async Task A_history_table_setting_that_names_another_tools_table_is_refused_as_not_ours_and_changes_nothing()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await Db.DbCli.ExecuteAsync(db, "CREATE TABLE schema_migrations (version varchar PRIMARY KEY); INSERT INTO schema_migrations VALUES ('1')");
        using var files = new MigrationFiles().AddTables(1);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url).With("STRATA_HISTORY_TABLE", "schema_migrations");

        foreach (var command in new[] { "status", "up", "stamp" })
        {
            var result = command == "stamp" ? await cli.RunAsync(command, "1000") : await cli.RunAsync(command);
            result.ExitCode.ShouldBe(2, result.ToString());
            result.Stderr.ShouldContain(
                "error: Could not read the history table public.schema_migrations: 42703 column \"description\" does not exist; its columns are not " +
                "those of a Strata history table, so it may be another tool's");
            result.Stderr.ShouldNotContain("grant the role");
            result.Stderr.ShouldContain("next: strata adopt");
        }

        (await Db.DbCli.ScalarAsync<long>(db, "SELECT count(*) FROM pg_class WHERE relname LIKE 'strata%' OR relname = 't0'")).ShouldBe(0);
        (await Db.DbCli.ScalarAsync<string>(db, "SELECT string_agg(version, ',') FROM schema_migrations")).ShouldBe("1");
    }

    private sealed class Role : IAsyncDisposable
    {
        private readonly TestDatabase _db;

        private Role(TestDatabase db, string name)
        {
            _db = db;
            Name = name;
        }

        public string Name { get; }

        public static async Task<Role> CreateAsync(TestDatabase db, string? grants)
        {
            var role = new Role(db, db.Name + "_role");
            await role.ExecuteAsync($"CREATE ROLE {role.Name} LOGIN");
            if (grants is not null)
            {
                await role.ExecuteAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, grants, role.Name));
            }

            return role;
        }

        public CliHarness Cli(MigrationFiles files) =>
            new CliHarness(files.Root).With("DATABASE_URL", _db.Url.Replace("://" + _db.Server.Username + "@", "://" + Name + "@", StringComparison.Ordinal));

        public async ValueTask DisposeAsync() => await ExecuteAsync($"DROP OWNED BY {Name}; DROP ROLE {Name}");

        private async Task ExecuteAsync(string sql)
        {
            await using var command = _db.DataSource.CreateCommand(sql);
            await command.ExecuteNonQueryAsync();
        }
    }
}
