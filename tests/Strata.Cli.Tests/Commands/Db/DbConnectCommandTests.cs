using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands.Db;

public sealed class DbConnectCommandTests
{
    [Fact]
    public async Task Passes_the_arguments_after_the_separator_to_psql_and_prints_its_output()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var work = new TempDirectory();

        var result = await StrataProcess.RunAsync(
            work.Path, Environment(db), "-q", "db", "connect", "--", "-X", "-tA", "-c", "select current_database() || ' answers ' || 42");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.Trim().ShouldBe($"{db.Name} answers 42");
    }

    [Fact]
    public async Task Exits_with_the_exit_code_of_psql()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var work = new TempDirectory();

        var result = await StrataProcess.RunAsync(
            work.Path, Environment(db), "-q", "db", "connect", "--", "-X", "-v", "ON_ERROR_STOP=1", "-c", "select no_such_column");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stderr.ShouldContain("no_such_column");
    }

    private static Dictionary<string, string> Environment(TestDatabase db) => new()
    {
        ["PATH"] = System.Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
        ["HOME"] = System.Environment.GetEnvironmentVariable("HOME") ?? "/tmp",
        ["DATABASE_URL"] = db.Url,
    };
}
