using Strata.Cli.Commands.Db;
using Strata.Cli.Commands.Migrations;
using Strata.Core.Errors;
using Strata.Core.Schema;

namespace Strata.Cli.Commands;

/// <summary>`strata verify`: proves every migration's down undoes its up, on a scratch database.</summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var file = DbCommand.SchemaFileOption("compare the final schema with");
        var seeds = DbCommand.SeedsDirOption();
        var command = new Command(
            "verify",
            $"On a scratch database, apply, roll back and re-apply each migration in order and check the schema after each step; then compare with the schema file and run the seeds. Exit {ExitCodes.ValidationFailed} on the first failure.")
        {
            file, seeds, ScratchFlag.Option,
        };
        command.Options.Add(EngineFlags.HistoryTable);
        return CommandAction.Set(command, async (run, parse, cancellationToken) =>
        {
            var server = await ScratchFlag.OpenAsync(run, cancellationToken);
            var result = await new MigrationVerifier(server, run.LoggerFactory.CreateLogger("Strata.Verify")).VerifyAsync(
                VerifyRun.Options(run), cancellationToken);
            // Like every other failing command, the run ends with its error (the last JSON event, an annotation under github),
            // which keeps the failed step's own error, so the event and the annotation say where it failed.
            return Render(run, result) is { } failure ? throw new ValidationFailedException(failure, result.Failure?.Cause) : ExitCodes.Success;
        });
    }

    // Returns the failure's one line, or null when verify passed.
    private static string? Render(CommandRun run, VerifyResult result)
    {
        var schemaFile = result.SchemaFile is null ? null : DbCommand.Display(run, result.SchemaFile);
        var fields = new JsonObject
        {
            ["passed"] = result.Passed, ["migrations"] = result.Migrations, ["schemaFile"] = schemaFile, ["seeds"] = result.Seeds,
            ["movedColumns"] = new JsonArray([.. result.MovedColumns.Select(c => JsonValue.Create(c))]),
        };
        if (result.Failure is not { } failure)
        {
            var message = $"verified {result.Migrations} migration(s): each down restores the schema before its up, and each up re-applies"
                + (result.MovedColumns.Count == 0 ? string.Empty : " (but for the position of the columns noted below)")
                + (schemaFile is null ? string.Empty : $"; the final schema equals {schemaFile}")
                + (result.Seeds > 0 ? $"; {result.Seeds} seed file(s) ran" : string.Empty);
            run.Reporter.Result("verify", message, fields, writer =>
            {
                writer.WriteLine(message);
                foreach (var column in result.MovedColumns)
                {
                    writer.WriteLine($"  note: {column} came back as the last column after the down (PostgreSQL can only append a column)");
                }
            });
            return null;
        }

        var subject = VerifyRun.Subject(run, failure);
        var headline = VerifyRun.Headline(failure, subject);
        var text = failure.Error is null ? headline : $"{headline}: {failure.Error}";
        fields["failure"] = new JsonObject
        {
            ["step"] = failure.Step.ToString().ToLowerInvariant(),
            ["subject"] = subject,
            ["error"] = failure.Error,
            ["differences"] = DifferenceRendering.Json(new SchemaComparison(failure.Differences)),
        };
        run.Reporter.Result("verify", text, fields, writer =>
        {
            writer.WriteLine(text);
            foreach (var difference in failure.Differences)
            {
                writer.WriteLine("  " + difference);
            }
        });
        return text;
    }
}
