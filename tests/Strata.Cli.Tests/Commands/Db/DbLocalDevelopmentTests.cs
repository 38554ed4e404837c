using Strata.Cli.Tests.Support;

namespace Strata.Cli.Tests.Commands.Db;

public sealed class DbLocalDevelopmentTests
{
    [Fact]
    public async Task Setup_without_any_database_configured_builds_the_local_database_as_the_guide_says()
    {
        using var work = new TempDirectory();
        var cli = new CliHarness(work.Path);
        DbCli.Write(cli, "db/migrations/20240101000000_create_todos.sql", "-- migrate:up\nCREATE TABLE todos (id int PRIMARY KEY, title text);\n-- migrate:down\nDROP TABLE todos;\n");
        DbCli.Write(cli, "db/seeds/001_todos.sql", "INSERT INTO todos VALUES (1, 'write the guide');");
        try
        {
            var setup = await cli.RunAsync("db", "setup");
            var again = await cli.RunAsync("db", "setup");
            var info = await cli.RunAsync("--json", "db", "info");
            var reset = await cli.RunAsync("db", "reset", "--yes");

            setup.ExitCode.ShouldBe(0, setup.ToString());
            setup.Stdout.ShouldContain("created database 'strata_dev'");
            setup.Stdout.ShouldContain("seeded db/seeds/001_todos.sql");
            again.ExitCode.ShouldBe(0, again.ToString());
            again.Stdout.ShouldContain("not seeded: the database already had migrations applied");
            var fields = DbCli.Event(info, "db.info");
            fields.GetProperty("database").GetString().ShouldBe("strata_dev");
            fields.GetProperty("migrationVersion").GetString().ShouldBe("20240101000000");
            reset.ExitCode.ShouldBe(0, reset.ToString());
            reset.Stdout.ShouldContain("dropped database 'strata_dev'");
        }
        finally
        {
            await cli.RunAsync("local", "destroy", "--yes");
        }
    }
}
