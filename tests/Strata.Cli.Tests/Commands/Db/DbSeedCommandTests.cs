using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands.Db;

public sealed class DbSeedCommandTests
{
    [Fact]
    public async Task A_failing_seed_leaves_no_rows_and_names_file_line_column_and_sqlstate()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await DbCli.ExecuteAsync(db, "CREATE TABLE pets (id int PRIMARY KEY, name text NOT NULL)");
        var cli = new CliHarness().With("DATABASE_URL", db.Url);
        var seed = DbCli.Write(cli, "db/seeds/001_pets.sql", "INSERT INTO pets VALUES (1, 'rex');\nINSERT INTO pets VALUES (2, NULL);\n");

        var result = await cli.RunAsync("db", "seed");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stderr.ShouldContain($"seed {seed} failed at {seed}:2:1: 23502 null value in column \"name\"");
        result.Stderr.ShouldContain("its transaction was rolled back, so nothing of it was kept");
        (await DbCli.ScalarAsync<long>(db, "SELECT count(*) FROM pets")).ShouldBe(0);
    }

    [Fact]
    public async Task Seeds_from_a_directory_given_by_flag_and_reports_each_file_in_json()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var cli = new CliHarness().With("DATABASE_URL", db.Url);
        DbCli.Write(cli, "fixtures/a.sql", "CREATE TABLE t (id int);");
        DbCli.Write(cli, "fixtures/b.sql", "INSERT INTO t VALUES (1), (2);");

        var result = await cli.RunAsync("--json", "db", "seed", "--seeds-dir", "fixtures");

        result.ExitCode.ShouldBe(0, result.ToString());
        var seeded = DbCli.Event(result, "db.seeded");
        seeded.GetProperty("directory").GetString().ShouldBe("fixtures");
        seeded.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("file").GetString()).ShouldBe(["fixtures/a.sql", "fixtures/b.sql"]);
        (await DbCli.ScalarAsync<long>(db, "SELECT count(*) FROM t")).ShouldBe(2);
    }

    [Fact]
    public async Task A_protected_environment_without_allow_seed_is_refused_with_exit_6()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var cli = DbCli.WithEnvironment(db, "prod", """, "protected": true""");
        DbCli.Write(cli, "db/seeds/001.sql", "CREATE TABLE fake_data (id int);");

        var result = await cli.RunAsync("db", "seed", "--env", "prod");

        result.ExitCode.ShouldBe(6, result.ToString());
        result.Stderr.ShouldContain("does not set \"allowSeed\": true");
        (await DbCli.ScalarAsync<bool>(db, "SELECT to_regclass('public.fake_data') IS NULL")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_missing_seeds_directory_is_a_configuration_error()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();

        var result = await new CliHarness().With("DATABASE_URL", db.Url).RunAsync("db", "seed");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("seeds directory");
        result.Stderr.ShouldContain("does not exist");
    }
}
