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

    /// <summary>Adds the flags every engine command reads: where the history is and how strict to be.</summary>
    public static void AddReadFlags(Command command)
    {
        command.Options.Add(HistoryTable);
        command.Options.Add(AllowOutOfOrder);
        command.Options.Add(AllowEdited);
    }

    /// <summary>Adds the flags of commands that run migrations: timeouts, retries and the lock wait.</summary>
    public static void AddRunFlags(Command command)
    {
        AddReadFlags(command);
        command.Options.Add(LockTimeout);
        command.Options.Add(StatementTimeout);
        command.Options.Add(LockRetries);
        command.Options.Add(LockWait);
    }
}
