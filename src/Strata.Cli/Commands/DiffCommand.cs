using Strata.Cli.Commands.Migrations;
using Strata.Core.Connections;
using Strata.Core.Errors;
using Strata.Core.Schema;

namespace Strata.Cli.Commands;

/// <summary>`strata diff A B`: compares two schemas object by object; `strata diff --save FILE A` saves one.</summary>
internal static class DiffCommand
{
    public static Command Create()
    {
        var from = new Argument<string>("from")
        {
            Description = "A database URL, an environment name, a migrations directory (applied to a scratch database), or a snapshot file written by --save.",
        };
        var to = new Argument<string?>("to") { Description = "The schema to compare with, given the same ways.", Arity = ArgumentArity.ZeroOrOne };
        var save = new Option<string?>("--save")
        {
            Description = "Write the schema of FROM to this JSON snapshot file instead of comparing.",
            HelpName = "file",
        };
        var command = new Command(
            "diff",
            $"Compare two schemas (tables, columns, constraints, indexes, views, functions, types, triggers, policies, ...); exit {ExitCodes.ValidationFailed} when they differ.")
        {
            from, to, save, ScratchFlag.Option,
        };
        command.Options.Add(EngineFlags.HistoryTable);
        return CommandAction.Set(command, async (run, parse, cancellationToken) =>
        {
            if (parse.GetValue(to) is null && parse.GetValue(save) is null)
            {
                throw new ConfigurationException("diff needs two schemas to compare (or --save FILE and one schema)");
            }

            var source = new SchemaSource(
                run.Settings.ConnectionRequest(),
                new DatabaseConnector(run.LocalCluster(), run.LoggerFactory),
                token => ScratchFlag.OpenAsync(run, token),
                run.Settings.MigratorOptions(),
                run.LoggerFactory);
            var first = await source.ReadAsync(parse.GetValue(from)!, cancellationToken);
            if (parse.GetValue(save) is { } file)
            {
                return await SaveAsync(run, first, file, parse.GetValue(to) is not null, cancellationToken);
            }

            var second = await source.ReadAsync(parse.GetValue(to)!, cancellationToken);
            var comparison = SchemaComparer.Compare(first, second);
            DifferenceRendering.Report(run, "schema.diff", comparison, comparison.AreEqual ? "the schemas are equal" : null);
            // Like every other failing command, the run ends with its error (the last JSON event, an annotation under github).
            return comparison.AreEqual
                ? ExitCodes.Success
                : throw new ValidationFailedException($"diff: {DifferenceRendering.Count(comparison)} between the two schemas");
        });
    }

    private static async Task<int> SaveAsync(CommandRun run, SchemaSnapshot snapshot, string file, bool twoSides, CancellationToken cancellationToken)
    {
        if (twoSides)
        {
            throw new ConfigurationException("--save writes one schema; give only FROM");
        }

        var path = Path.GetFullPath(file, run.Context.WorkingDirectory);
        await SnapshotFile.WriteAsync(path, snapshot, cancellationToken);
        var shown = Path.GetRelativePath(run.Context.WorkingDirectory, path);
        var message = $"saved {snapshot.Objects.Length} objects to {shown}";
        run.Reporter.Result("schema.saved", message, new JsonObject { ["file"] = shown, ["objects"] = snapshot.Objects.Length });
        return ExitCodes.Success;
    }
}
