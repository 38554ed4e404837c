using System.CommandLine;
using Strata.Core.Configuration;

namespace Strata.Cli.Hosting;

/// <summary>
/// The options every command accepts. Their help comes from the settings catalog; the settings builder reads their
/// variables, and the connection resolver the connection variables (DATABASE_URL, DB_*, PG*, ...).
/// </summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> DatabaseUrl = new("--database-url")
    {
        Description = SettingHelp.For(SettingCatalog.DatabaseUrl),
        HelpName = "url",
        Recursive = true,
    };

    public static readonly Option<string?> Environment = new("--env")
    {
        Description = SettingHelp.For(SettingCatalog.Environment),
        HelpName = "name",
        Recursive = true,
    };

    public static readonly Option<string?> Config = new("--config")
    {
        Description = SettingHelp.For(SettingCatalog.Config),
        HelpName = "path",
        Recursive = true,
    };

    public static readonly Option<string?> PasswordFile = new("--password-file")
    {
        Description = SettingHelp.For(SettingCatalog.PasswordFile),
        HelpName = "path",
        Recursive = true,
    };

    public static readonly Option<string?> PasswordCommand = new("--password-command")
    {
        Description = SettingHelp.For(SettingCatalog.PasswordCommand),
        HelpName = "command",
        Recursive = true,
    };

    public static readonly Option<string?> MigrationsDir = new("--migrations-dir")
    {
        Description = SettingHelp.For(SettingCatalog.MigrationsDirectory),
        HelpName = "path",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = SettingHelp.For(SettingCatalog.Json),
        Recursive = true,
    };

    public static readonly Option<bool> Quiet = new("--quiet", "-q")
    {
        Description = SettingHelp.For(SettingCatalog.Quiet),
        Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = SettingHelp.For(SettingCatalog.Verbose),
        Recursive = true,
    };

    public static readonly Option<bool> NoColor = new("--no-color")
    {
        Description = SettingHelp.For(SettingCatalog.NoColor),
        Recursive = true,
    };

    public static IEnumerable<Option> All =>
        [DatabaseUrl, Environment, Config, PasswordFile, PasswordCommand, MigrationsDir, Json, Quiet, Verbose, NoColor];
}
