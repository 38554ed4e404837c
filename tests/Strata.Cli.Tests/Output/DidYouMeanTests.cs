using Strata.Cli.Tests.Support;
using Strata.Core.Connections;

namespace Strata.Cli.Tests.Output;

public sealed class DidYouMeanTests
{
    [Fact]
    public async Task An_unknown_command_suggests_the_one_it_most_likely_was()
    {
        var result = await new CliHarness().RunAsync("statsu");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldBe("error: unknown command 'strata statsu': did you mean 'strata status'? (see 'strata --help')\n");
    }

    [Fact]
    public async Task An_unknown_subcommand_is_suggested_within_its_group()
    {
        var result = await new CliHarness().RunAsync("db", "sesions");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldBe("error: unknown command 'strata db sesions': did you mean 'strata db sessions'? (see 'strata --help')\n");
    }

    [Fact]
    public async Task An_unknown_flag_suggests_the_flag_of_that_command_or_a_global_one()
    {
        var own = await new CliHarness().RunAsync("up", "--dry-rn");
        var global = await new CliHarness().RunAsync("status", "--verbos");

        own.Stderr.ShouldBe("error: unknown flag '--dry-rn' for 'strata up': did you mean '--dry-run'? (see 'strata --help')\n");
        global.Stderr.ShouldBe("error: unknown flag '--verbos' for 'strata status': did you mean '--verbose'? (see 'strata --help')\n");
    }

    [Fact]
    public async Task A_word_close_to_nothing_gets_no_suggestion()
    {
        var result = await new CliHarness().RunAsync("frobnicate");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldBe("error: unknown command 'strata frobnicate' (see 'strata --help')\n");
    }

    [Fact]
    public async Task An_unknown_environment_suggests_the_one_in_the_config_file()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(Path.Combine(directory.Path, "strata.json"), """
            { "environments": { "staging": { "database": "postgres://app@127.0.0.1/app" }, "production": { "database": "postgres://app@127.0.0.1/prod" } } }
            """);

        var result = await new CliHarness(directory.Path).RunAsync("config", "--env", "stagin");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("Unknown environment 'stagin' (chosen by --env)");
        result.Stderr.ShouldContain("Did you mean 'staging'?");
    }

    [Theory]
    [InlineData("stagin", "staging")]
    [InlineData("prodution", "production")]
    [InlineData("--json", null)]
    [InlineData("prod", "production")]
    [InlineData("qa", null)]
    public void The_closest_name_is_found_by_edits_or_prefix(string typed, string? expected) =>
        ClosestName.Find(typed, ["staging", "production", "--json"]).ShouldBe(expected);
}
