using Strata.Core.Configuration;

namespace Strata.Cli.Hosting;

/// <summary>
/// The options every command accepts. Their help comes from the settings catalog; the settings builder reads their
/// variables, and the connection resolver the connection variables (DATABASE_URL, DB_*, PG*, ...).
/// </summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> DatabaseUrl = SettingFlags.Option<string?>(SettingCatalog.DatabaseUrl, "url", recursive: true, "-u", "--url");

    public static readonly Option<string?> Environment = SettingFlags.Option<string?>(SettingCatalog.Environment, "name", recursive: true);

    public static readonly Option<string?> Config = SettingFlags.Option<string?>(SettingCatalog.Config, "path", recursive: true);

    public static readonly Option<string?> EnvFile = SettingFlags.Option<string?>(SettingCatalog.EnvFile, "path", recursive: true);

    public static readonly Option<string?> PasswordFile = SettingFlags.Option<string?>(SettingCatalog.PasswordFile, "path", recursive: true);

    public static readonly Option<string?> PasswordCommand = SettingFlags.Option<string?>(SettingCatalog.PasswordCommand, "command", recursive: true);

    // Repeatable, as in dbmate: each -d adds a directory, and the files of all of them form one set.
    public static readonly Option<string[]> MigrationsDir = Repeatable(SettingFlags.Option<string[]>(SettingCatalog.MigrationsDirectory, "path", recursive: true, "-d"));

    public static readonly Option<string?> Format = SettingFlags.Option<string?>(SettingCatalog.LintFormat, "format", recursive: true);

    public static readonly Option<bool> Json = SettingFlags.Option<bool>(SettingCatalog.Json, recursive: true);

    public static readonly Option<bool> Quiet = SettingFlags.Option<bool>(SettingCatalog.Quiet, recursive: true, aliases: ["-q"]);

    public static readonly Option<bool> Verbose = SettingFlags.Option<bool>(SettingCatalog.Verbose, recursive: true, aliases: ["-v"]);

    public static readonly Option<bool> NoColor = SettingFlags.Option<bool>(SettingCatalog.NoColor, recursive: true);

    private static Option<string[]> Repeatable(Option<string[]> option)
    {
        option.Arity = ArgumentArity.OneOrMore;
        option.AllowMultipleArgumentsPerToken = false;
        return option;
    }

    public static IEnumerable<Option> All =>
        [DatabaseUrl, Environment, Config, EnvFile, PasswordFile, PasswordCommand, MigrationsDir, Format, Json, Quiet, Verbose, NoColor];
}
