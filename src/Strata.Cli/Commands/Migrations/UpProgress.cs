using Strata.Cli.Commands.Lint;
using Strata.Cli.Output;
using Strata.Core.Execution;

namespace Strata.Cli.Commands.Migrations;

/// <summary>The check <c>up</c> runs on its plan before applying it: how its progress is shown, then the lint.</summary>
internal static class UpProgress
{
    public static UpPreflight Preflight(CommandRun run)
    {
        var lint = UpLint.Preflight(run);
        return (applied, migrations, cancellationToken) =>
        {
            // Known only once the plan is made: whether the result will be summed up, so progress lines are too.
            run.Reporter.SummarizesMigrations = RunSummary.Applies(migrations.Count, run.Reporter.Verbosity);
            return lint(applied, migrations, cancellationToken);
        };
    }
}
