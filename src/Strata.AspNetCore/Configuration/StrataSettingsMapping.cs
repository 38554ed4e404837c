using Strata.Core.Configuration;

namespace Strata.AspNetCore.Configuration;

/// <summary>
/// Maps <see cref="StrataOptions"/> onto the settings builder as explicit values, named by their configuration keys.
/// The builder layers them over <c>STRATA_*</c> variables, <c>strata.json</c> and the defaults, as it does for the CLI.
/// </summary>
internal static class StrataSettingsMapping
{
    /// <summary>Where the database of an <c>NpgsqlDataSource</c> the app registered itself is said to come from.</summary>
    public const string AppDataSourceOrigin = "the app's NpgsqlDataSource";

    /// <param name="options">The validated options.</param>
    /// <param name="workingDirectory">Where relative paths start and <c>strata.json</c> is looked for.</param>
    /// <param name="appConnectionString">The connection string of a data source the app registered itself, which then names the database.</param>
    /// <param name="cancellationToken">Cancels reading files.</param>
    public static Task<StrataSettings> BuildAsync(
        StrataOptions options, string workingDirectory, string? appConnectionString, CancellationToken cancellationToken)
    {
        var (url, origin) = DatabaseUrl(options, appConnectionString);
        var builder = new StrataSettingsBuilder(workingDirectory, new Dictionary<string, string>(options.Environment, StringComparer.Ordinal))
            .Set(SettingCatalog.DatabaseUrl, url, origin)
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
        Typed(builder, SettingCatalog.WaitTimeout, options.WaitTimeout, "Strata:WaitTimeout");
        return builder.BuildAsync(cancellationToken);
    }

    // A named connection string is an explicit value, like Strata:DatabaseUrl (the validator refuses both at once);
    // a data source the app built itself decides over both, since that is the pool the app's code uses.
    private static (string? Url, string Origin) DatabaseUrl(StrataOptions options, string? appConnectionString)
    {
        if (appConnectionString is not null)
        {
            return (appConnectionString, AppDataSourceOrigin);
        }

        if (options.ConnectionName is { } name)
        {
            return (options.ConnectionStrings?.Invoke(name), $"ConnectionStrings:{name}");
        }

        return (options.DatabaseUrl, "Strata:DatabaseUrl");
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
