using Strata.Core.Configuration;

namespace Strata.Cli.Commands.Migrations;

/// <summary>
/// The engine's flags, shared by the migration commands. Their defaults and help live in the settings catalog, and
/// the settings builder layers them over the variables and strata.json.
/// </summary>
internal static class EngineFlags
{
    public static readonly Option<string?> HistoryTable = SettingFlags.Option<string?>(SettingCatalog.HistoryTable, "name");

    public static readonly Option<string?> LockTimeout = SettingFlags.Option<string?>(SettingCatalog.LockTimeout, "duration");

    public static readonly Option<string?> StatementTimeout = SettingFlags.Option<string?>(SettingCatalog.StatementTimeout, "duration");

    public static readonly Option<int?> LockRetries = new("--lock-retries")
    {
        Description = SettingHelp.For(SettingCatalog.LockRetries),
        HelpName = "n",
        CustomParser = WholeNumberParser.For("--lock-retries"),
    };

    public static readonly Option<string?> LockWait = SettingFlags.Option<string?>(SettingCatalog.LockWait, "duration");

    public static readonly Option<bool> AllowOutOfOrder = SettingFlags.Option<bool>(SettingCatalog.AllowOutOfOrder);

    public static readonly Option<bool> AllowEdited = SettingFlags.Option<bool>(SettingCatalog.AllowEdited);

    /// <summary>Adds the flag every engine command reads: where the history is.</summary>
    public static void AddHistoryFlag(Command command) => command.Options.Add(HistoryTable);

    /// <summary>
    /// Adds the flags of commands that change the history without running migrations (stamp, baseline, adopt,
    /// repair): the history table, and how long to wait for the migration lock a running <c>up</c> holds.
    /// </summary>
    public static void AddRecordFlags(Command command)
    {
        command.Options.Add(HistoryTable);
        command.Options.Add(LockWait);
    }

    /// <summary>
    /// Adds the flags of commands that run migrations: the history table, acceptance of edited files, timeouts,
    /// retries and the lock wait; those that apply pending migrations (<paramref name="appliesPending"/>) also take
    /// <c>--allow-out-of-order</c>. A command gets only the flags it reads, so that none is taken and ignored and a
    /// next step that reruns the command with a flag changes its outcome.
    /// </summary>
    public static void AddRunFlags(Command command, bool appliesPending)
    {
        command.Options.Add(HistoryTable);
        if (appliesPending)
        {
            command.Options.Add(AllowOutOfOrder);
        }

        command.Options.Add(AllowEdited);
        command.Options.Add(LockTimeout);
        command.Options.Add(StatementTimeout);
        command.Options.Add(LockRetries);
        command.Options.Add(LockWait);
    }
}
