using System.CommandLine;
using Strata.Cli.Commands.Migrations;
using Strata.Cli.Hosting;
using Strata.Core.Connections;
using Strata.Core.Errors;
using Strata.Core.Lifecycle;

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

    /// <summary>
    /// The resolved database and the lifecycle commands for it. The engine settings (history table, timeouts) come
    /// from the same flags and variables as `strata up`, so every command reads the same history table.
    /// </summary>
    public static async Task<(ResolvedConnection Connection, DatabaseLifecycle Lifecycle)> LifecycleAsync(
        CommandRun run, ParseResult parse, CancellationToken cancellationToken)
    {
        var connection = await run.ResolveAsync(cancellationToken);
        var options = new DatabaseLifecycleOptions
        {
            LocalServer = run.LocalCluster(),
            LoggerFactory = run.LoggerFactory,
            Environment = run.Context.Environment,
            Migrator = EngineFlags.Build(parse, run, connection),
            MigrationsDirectory = run.MigrationsDirectory(connection),
        };
        return (connection, new DatabaseLifecycle(connection, options));
    }

    public static Option<bool> YesOption(string what) => new("--yes", "-y") { Description = $"Do not ask for confirmation before {what} (for scripts)." };

    public static Option<bool> ForceOption() => new("--force")
    {
        Description = "End the other sessions connected to the database first, instead of refusing while it is in use.",
    };

    public static Option<string?> SeedsDirOption() => new("--seeds-dir")
    {
        Description = "The directory of seed files (*.sql, run in name order). [env: STRATA_SEEDS_DIR] [default: db/seeds]",
        HelpName = "path",
    };

    /// <summary>
    /// The confirmation a destructive command asks for: on a terminal the user types yes; --yes answers for scripts;
    /// otherwise the answer is no and the command stops with exit 2, having changed nothing.
    /// </summary>
    public static Func<string, bool> Confirmation(CommandRun run, bool yes, string verb) =>
        question => run.Confirm(question, yes)
            ? true
            : throw new ConfigurationException($"not confirmed: nothing was {verb} (answer yes on a terminal, or pass --yes in scripts)");

    /// <summary>--seeds-dir (or STRATA_SEEDS_DIR) as a full path, or null for the configured directory.</summary>
    public static string? SeedsDirectory(CommandRun run, ParseResult parse, Option<string?> option) =>
        (parse.GetValue(option) ?? run.Context.Variable("STRATA_SEEDS_DIR")) is { } path ? Path.GetFullPath(path, run.Context.WorkingDirectory) : null;

    /// <summary>The schema file: --file (or STRATA_SCHEMA_FILE) from the working directory, else db/schema.sql in the project.</summary>
    public static string SchemaFile(CommandRun run, ParseResult parse, Option<string?> option, ResolvedConnection connection)
    {
        if ((parse.GetValue(option) ?? run.Context.Variable("STRATA_SCHEMA_FILE")) is { } given)
        {
            return Path.GetFullPath(given, run.Context.WorkingDirectory);
        }

        var project = connection.ConfigFilePath is { } config ? Path.GetDirectoryName(config)! : run.Context.WorkingDirectory;
        return Path.GetFullPath(DumpOptions.DefaultFile, project);
    }

    public static Option<string?> SchemaFileOption(string what) => new("--file", "-f")
    {
        Description = $"The schema file to {what}. [env: STRATA_SCHEMA_FILE] [default: db/schema.sql]",
        HelpName = "path",
    };

    /// <summary>A path as people read it: relative to the working directory when it is inside it.</summary>
    public static string Display(CommandRun run, string path)
    {
        var relative = Path.GetRelativePath(run.Context.WorkingDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
