using Strata.Core.Errors;
using Strata.Core.Generators;
using Strata.Core.Migrations;

namespace Strata.Cli.Commands;

/// <summary>
/// `strata new DESCRIPTION`: writes a timestamped migration file from the template; with an operation flag
/// (`--rename-column`, `--add-index`, ...), writes that change's whole expand/contract sequence instead.
/// </summary>
internal static class NewCommand
{
    public static Command Create()
    {
        var description = new Argument<string?>("description")
        {
            Description = "What the migration does, e.g. add_users_table (not with an operation, which names its files itself).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var operations = new NewOperationFlags();
        var command = new Command(
            "new",
            "Create a migration file named <UTC timestamp>_<description>.sql with up and down sections; with an operation, the migrations of its expand/contract sequence.")
        { description };
        operations.AddTo(command);
        return CommandAction.Set(command, async (run, parse, cancellationToken) =>
        {
            // Writing files needs no database: only the settings' migrations directory (and, for a copied or cast
            // column, its type, which --type gives without one). A configured one is asked whether the names exist
            // and whether a column the expand step adds is of a constrained domain.
            var request = operations.Read(parse);
            var text = parse.GetValue(description);
            var now = NewVersion.After(run.Settings.MigrationsDirectories.Append(run.Settings.MigrationsDirectory.Value).Distinct(), DateTimeOffset.UtcNow);
            IReadOnlyList<GeneratedMigration> files;
            if (request is null)
            {
                var (fileName, content) = MigrationTemplate.Create(text ?? throw Missing(), now);
                files = [new GeneratedMigration(fileName, content)];
            }
            else if (text is not null)
            {
                throw new GeneratorArgumentException(
                    $"{request.OperationName} names its files itself; leave out the description '{text}'");
            }
            else
            {
                var type = MigrationGenerator.ColumnTypeNeeded(request) is { } column
                    ? await ColumnTypeLookup.ReadAsync(run.Settings, column, request.OperationName, cancellationToken)
                    : null;
                var steps = MigrationGenerator.Generate(request, type);
                await GeneratorDatabaseCheck.RunAsync(run, request, type, cancellationToken);
                files = StepRenderer.Render(steps, now);
            }

            var written = await GeneratedFiles.WriteAsync(run.Settings.MigrationsDirectory.Value, files, cancellationToken);
            Report(run, written);
            return ExitCodes.Success;
        });
    }

    private static ConfigurationException Missing() =>
        new("strata new needs a description (e.g. strata new add_users_table) or an operation such as --add-index TABLE.COL");

    private static void Report(CommandRun run, IReadOnlyList<string> paths)
    {
        var relative = paths.Select(p => Path.GetRelativePath(run.Context.WorkingDirectory, p)).ToList();
        if (relative.Count == 1)
        {
            run.Reporter.Result("migration.created", $"created {relative[0]}", new JsonObject { ["path"] = relative[0], ["fileName"] = Path.GetFileName(relative[0]) });
            return;
        }

        var fields = new JsonObject { ["paths"] = new JsonArray([.. relative.Select(p => JsonValue.Create(p))]) };
        run.Reporter.Result("migrations.created", $"created {relative.Count} migrations", fields, writer =>
        {
            foreach (var path in relative)
            {
                writer.WriteLine($"created {path}");
            }
        });
    }
}
