using System.Globalization;
using Strata.Cli.Output;
using Strata.Core.Execution;

namespace Strata.Cli.Commands.Migrations;

/// <summary>Human and JSON output for a run of migrations (up, down, redo).</summary>
internal static class RunRendering
{
    /// <param name="run">The command's run.</param>
    /// <param name="eventName">The JSON event.</param>
    /// <param name="result">What ran.</param>
    /// <param name="nothing">What to say when nothing ran, where the command knows better than "up to date".</param>
    public static void Report(CommandRun run, string eventName, MigrationRunResult result, string? nothing = null)
    {
        var verb = (result.Direction, result.DryRun) switch
        {
            (MigrationDirection.Up, true) => "would apply",
            (MigrationDirection.Up, false) => "applied",
            (_, true) => "would revert",
            _ => "reverted",
        };
        var count = result.Migrations.Count;
        var message = count == 0
            ? nothing ?? NothingMessage(result)
            : $"{verb} {count} migration{(count == 1 ? "" : "s")}";
        if (run.Reporter.Mode == OutputMode.Github)
        {
            run.Reporter.Summary.AddRun("### " + char.ToUpperInvariant(verb[0]) + verb[1..], result, run.Reporter.Display);
        }

        if (!run.Reporter.IsJson && run.Reporter.Verbosity == Verbosity.Quiet)
        {
            // --quiet: errors only, and a run that gets here succeeded.
            return;
        }

        using var timing = Core.Diagnostics.TimingTrace.Measure("output");
        run.Reporter.Result(eventName, message, () => MigrationJson.Run(result), writer =>
        {
            var style = run.Reporter.Style;
            if (RunSummary.Applies(result, run.Reporter.Verbosity))
            {
                RunSummary.WriteTo(writer, style, result, DurationText.Format);
            }
            else if (count > 0)
            {
                var table = result.DryRun ? new TextTable("VERSION", "DESCRIPTION", "TRANSACTION") : new TextTable("VERSION", "DESCRIPTION", "TIME", "ATTEMPTS");
                foreach (var step in result.Migrations)
                {
                    table.Add(result.DryRun
                        ? [step.Version.Value, step.Description, step.Transactional ? "yes" : "no (transaction:false)"]
                        : [step.Version.Value, step.Description, DurationText.Format(step.Duration), step.Attempts.ToString(CultureInfo.InvariantCulture)]);
                }

                table.WriteTo(writer, style);
            }

            writer.WriteLine(count == 0 ? message : style.Green(message));
        });
    }

    private static string NothingMessage(MigrationRunResult result) => (result.Direction, result.LeftPending) switch
    {
        (MigrationDirection.Up, 0) => "nothing to apply: the database is up to date",
        (MigrationDirection.Up, var left) =>
            $"nothing to apply within the target or phase: {left} migration{(left == 1 ? " stays" : "s stay")} pending beyond it",
        _ => "nothing to revert",
    };
}
