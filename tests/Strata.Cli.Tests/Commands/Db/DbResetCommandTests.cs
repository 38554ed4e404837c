using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands.Db;

public sealed class DbResetCommandTests
{
    [Fact]
    public async Task A_protected_environment_is_refused_before_anything_happens()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await DbCli.ExecuteAsync(db, "CREATE TABLE precious (id int); INSERT INTO precious VALUES (7)");
        var cli = DbCli.WithEnvironment(db, "prod", """, "protected": true, "allowSeed": true""");
        DbCli.Write(cli, "db/migrations/20240101000000_create_users.sql", "-- migrate:up\nCREATE TABLE users (id int);\n-- migrate:down\n");

        var result = await cli.RunAsync("db", "reset", "--env", "prod", "--yes", "--force");

        result.ExitCode.ShouldBe(6, result.ToString());
        result.Stderr.ShouldContain($"refusing to reset database '{db.Name}' of environment 'prod'");
        (await DbCli.ScalarAsync<int>(db, "SELECT id FROM precious")).ShouldBe(7);
        (await DbCli.ScalarAsync<bool>(db, "SELECT to_regclass('public.users') IS NULL")).ShouldBeTrue();
    }

    [Fact]
    public async Task Reset_drops_and_sets_the_database_up_again()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var cli = new CliHarness().With("DATABASE_URL", db.Url);
        DbCli.Write(cli, "db/migrations/20240101000000_create_users.sql", "-- migrate:up\nCREATE TABLE users (id int);\n-- migrate:down\n");
        DbCli.Write(cli, "db/seeds/001.sql", "INSERT INTO users VALUES (1);");
        (await cli.RunAsync("db", "setup")).ExitCode.ShouldBe(0);

        var result = await cli.RunAsync("--json", "db", "reset", "--yes", "--force");

        result.ExitCode.ShouldBe(0, result.ToString());
        var reset = DbCli.Event(result, "db.reset");
        reset.GetProperty("dropped").GetBoolean().ShouldBeTrue();
        reset.GetProperty("created").GetBoolean().ShouldBeTrue();
        reset.GetProperty("migrations").GetProperty("count").GetInt32().ShouldBe(1);
        reset.GetProperty("seedFiles").GetArrayLength().ShouldBe(1);
    }
}
