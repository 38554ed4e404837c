using System.CommandLine;
using System.Text.Json.Nodes;
using Strata.Cli.Hosting;
using Strata.Core.Errors;
using Strata.Core.Migrations;

namespace Strata.Cli.Commands;

/// <summary>`strata new DESCRIPTION`: writes a timestamped migration file from the template.</summary>
internal static class NewCommand
{
    public static Command Create()
    {
        var description = new Argument<string>("description") { Description = "What the migration does, e.g. add_users_table." };
        var command = new Command("new", "Create a migration file named <UTC timestamp>_<description>.sql with up and down sections.") { description };
        CommandAction.Set(command, async (run, parse, cancellationToken) =>
        {
            // Writing a file needs no database: only the settings' migrations directory.
            var directory = run.Settings.MigrationsDirectory.Value;
            var (fileName, content) = MigrationTemplate.Create(parse.GetValue(description)!, DateTimeOffset.UtcNow);
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, fileName);
            try
            {
                await using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                await using var writer = new StreamWriter(stream);
                await writer.WriteAsync(content.AsMemory(), cancellationToken);
            }
            catch (IOException) when (File.Exists(path))
            {
                throw new ConfigurationException($"{path} already exists; wait a second or choose another description");
            }

            var relative = Path.GetRelativePath(run.Context.WorkingDirectory, path);
            run.Reporter.Result("migration.created", $"created {relative}", new JsonObject { ["path"] = relative, ["fileName"] = fileName });
            return ExitCodes.Success;
        });
        return command;
    }
}
