using Strata.Cli.Output;
using Strata.Core.Errors;

namespace Strata.Cli.Commands.Migrations;

/// <summary>`strata validate`: parse every file and compare with the history; exit 5 on any problem.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var command = new Command("validate", $"Check every migration file parses and matches the history (checksums, order, missing, interrupted, not yet adopted); exit {ExitCodes.ValidationFailed} on any problem.");
        EngineFlags.AddHistoryFlag(command);

        // What up would refuse is a problem; an out-of-order migration up is allowed to apply is not. An edited one
        // stays a problem even where up may accept it: validate is the check that the files match the history.
        command.Options.Add(EngineFlags.AllowOutOfOrder);
        return CommandAction.SetMigrator(command, async (run, parse, _, migrator, cancellationToken) =>
        {
            var result = await migrator.ValidateAsync(cancellationToken);
            var fields = new JsonObject
            {
                ["valid"] = result.IsValid,
                ["problems"] = new JsonArray([.. result.Problems.Select(problem => MigrationJson.Problem(problem, run.Invoked))]),
                ["running"] = new JsonArray([.. result.Running.Select(line => JsonValue.Create(line))]),
            };
            var message = result.IsValid ? "migrations are valid" : $"{result.Problems.Count} problem{(result.Problems.Count == 1 ? "" : "s")} found";
            run.Reporter.Result("validate", message, fields, writer =>
            {
                foreach (var problem in result.Problems)
                {
                    writer.WriteLine(run.Reporter.Style.Red("✗ ") + problem.Message);
                    if (problem.NextStep is { } step)
                    {
                        writer.WriteLine(run.Reporter.Style.Dim("  next: ") + NextStepCommands.Render(step, run.Invoked));
                    }
                }

                foreach (var running in result.Running)
                {
                    writer.WriteLine(run.Reporter.Style.Dim("… ") + running);
                }

                writer.WriteLine(result.IsValid ? run.Reporter.Style.Green(message) : message);
            });
            if (!result.IsValid)
            {
                // Like every other failing command, the run ends with its error (the last JSON event, with its next steps).
                throw new ValidationFailedException($"{message}: {result.Problems[0].Message}{(result.Problems.Count > 1 ? " (and more above)" : "")}")
                {
                    NextSteps = [.. result.Problems.Select(p => p.NextStep).OfType<NextStep>()],
                };
            }

            return ExitCodes.Success;
        });
    }
}
