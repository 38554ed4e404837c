using Strata.Core.Configuration;

namespace Strata.AspNetCore.Configuration;

/// <summary>
/// Maps <see cref="StrataOptions"/> onto the settings builder as explicit values, named by their configuration keys.
/// The builder layers them over <c>STRATA_*</c> variables, <c>strata.json</c> and the defaults, as it does for the CLI.
/// </summary>
internal static class StrataSettingsMapping
{
    public static Task<StrataSettings> BuildAsync(StrataOptions options, string workingDirectory, CancellationToken cancellationToken)
    {
        var builder = new StrataSettingsBuilder(workingDirectory, new Dictionary<string, string>(options.Environment, StringComparer.Ordinal))
            .Set(SettingCatalog.DatabaseUrl, options.DatabaseUrl, "Strata:DatabaseUrl")
            .Set(SettingCatalog.Environment, options.EnvironmentName, "Strata:Environment")
            .Set(SettingCatalog.Config, options.ConfigPath, "Strata:ConfigPath")
            .Set(SettingCatalog.PasswordFile, options.PasswordFile, "Strata:PasswordFile")
            .Set(SettingCatalog.PasswordCommand, options.PasswordCommand, "Strata:PasswordCommand")
            .Set(SettingCatalog.MigrationsDirectory, options.MigrationsDirectory, "Strata:MigrationsDirectory")
            .Set(SettingCatalog.HistoryTable, options.HistoryTable, "Strata:HistoryTable");
        Typed(builder, SettingCatalog.LockTimeout, options.LockTimeout, "Strata:LockTimeout");
        Typed(builder, SettingCatalog.StatementTimeout, options.StatementTimeout, "Strata:StatementTimeout");
        Typed(builder, SettingCatalog.LockRetries, options.LockRetries, "Strata:LockRetries");
        Typed(builder, SettingCatalog.LockWait, options.LockWait, "Strata:LockWait");
        Typed(builder, SettingCatalog.AllowOutOfOrder, options.AllowOutOfOrder, "Strata:AllowOutOfOrder");
        return builder.BuildAsync(cancellationToken);
    }

    /// <summary>The settings as one log line: each engine setting with the layer it came from.</summary>
    public static string Describe(StrataSettings settings) =>
        string.Join(", ", settings.Describe().Select(row => $"{row.Name}={row.Value} ({row.Origin})"));

    private static void Typed<T>(StrataSettingsBuilder builder, SettingDefinition setting, T? value, string origin)
        where T : struct
    {
        if (value is { } given)
        {
            builder.Set(setting, given, origin);
        }
    }
}
