using Strata.Cli.Commands.Migrations;
using Strata.Core.Configuration;

namespace Strata.Cli.Commands.Db;

/// <summary>`strata db ...`: the database lifecycle commands, and what they share.</summary>
internal static class DbCommand
{
    public static Command Create()
    {
        var command = new Command("db", "Create, drop, seed, set up, reset, dump, load, open, inspect and wait for the database.");
        command.Subcommands.Add(DbCreateCommand.Create());
        command.Subcommands.Add(DbDropCommand.Create());
        command.Subcommands.Add(DbSeedCommand.Create());
        command.Subcommands.Add(DbSetupCommand.Create());
        command.Subcommands.Add(DbResetCommand.Create());
        command.Subcommands.Add(DbDumpCommand.Create());
        command.Subcommands.Add(DbLoadCommand.Create());
        command.Subcommands.Add(DbConnectCommand.Create());
        command.Subcommands.Add(DbSessionsCommand.Create());
        command.Subcommands.Add(DbWaitCommand.Create());
        command.Subcommands.Add(DbInfoCommand.Create());
        return command;
    }

    public static Option<string?> SeedsDirOption() => SettingFlags.Option<string?>(SettingCatalog.SeedsDirectory, "path");

    public static Option<string?> SchemaFileOption(string what) => new("--file", "-f")
    {
        Description = SettingHelp.For(SettingCatalog.SchemaFile, $"The schema file to {what}."),
        HelpName = "path",
    };

    /// <summary>A command that writes or reads the schema file, with the history rows that go with the schema.</summary>
    public static Command SchemaFileCommand(string name, string description, string what) =>
        new(name, description) { SchemaFileOption(what), EngineFlags.HistoryTable };

    /// <summary>A path as people read it: relative to the working directory when it is inside it.</summary>
    public static string Display(CommandRun run, string path)
    {
        var relative = Path.GetRelativePath(run.Context.WorkingDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
