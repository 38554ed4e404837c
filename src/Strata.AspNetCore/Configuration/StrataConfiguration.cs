using System.Globalization;
using Microsoft.Extensions.Configuration;
using Strata.Core.Configuration;
using Strata.Core.Migrations;

namespace Strata.AspNetCore.Configuration;

/// <summary>
/// Reads the <c>Strata</c> configuration section and the resolver's variables into <see cref="StrataOptions"/>. Read by
/// hand rather than by the configuration binder: durations are written with a unit (<c>5s</c>), as everywhere else in
/// Strata, which the binder's <see cref="TimeSpan"/> parsing does not accept; and nothing here needs reflection, so it
/// is trim- and AOT-safe. A value that cannot be read is kept as a problem for the validator, not thrown, so that every
/// bad value is reported together when the host starts.
/// </summary>
internal static class StrataConfiguration
{
    public const string SectionName = "Strata";

    public static void Apply(IConfiguration configuration, StrataOptions options)
    {
        CopyEnvironment(configuration, options.Environment);
        options.ConnectionStrings = configuration.GetConnectionString;
        var section = configuration.GetSection(SectionName);
        options.DatabaseUrl = Text(section, "DatabaseUrl") ?? options.DatabaseUrl;
        options.ConnectionName = Text(section, "ConnectionName") ?? options.ConnectionName;
        options.EnvironmentName = Text(section, "Environment") ?? options.EnvironmentName;
        options.ConfigPath = Text(section, "ConfigPath") ?? options.ConfigPath;
        options.PasswordFile = Text(section, "PasswordFile") ?? options.PasswordFile;
        options.PasswordCommand = Text(section, "PasswordCommand") ?? options.PasswordCommand;
        options.WorkingDirectory = Text(section, "WorkingDirectory") ?? options.WorkingDirectory;
        options.ApplicationName = Text(section, "ApplicationName") ?? options.ApplicationName;
        options.MigrationsDirectory = Text(section, "MigrationsDirectory") ?? options.MigrationsDirectory;
        options.MigrateOnStart = Flag(section, "MigrateOnStart", options) ?? options.MigrateOnStart;
        options.MigrateInBackground = Flag(section, "MigrateInBackground", options) ?? options.MigrateInBackground;
        options.ReadyTimeout = Duration(section, "ReadyTimeout", ZeroDuration.Refused, options) ?? options.ReadyTimeout;
        options.WaitTimeout = Duration(section, "WaitTimeout", ZeroDuration.Refused, options) ?? options.WaitTimeout;
        ApplyPool(section.GetSection("Pool"), options);
        ApplyMigrator(section, options);
    }

    // Process variables first, then top-level configuration values: in a web app the configuration already holds
    // the environment, plus appsettings.json and command-line values, which should win like they do everywhere else.
    private static void CopyEnvironment(IConfiguration configuration, IDictionary<string, string> environment)
    {
        foreach (var (key, value) in ProcessEnvironment.Snapshot())
        {
            environment[key] = value;
        }

        foreach (var child in configuration.GetChildren())
        {
            if (child.Value is { } value)
            {
                environment[child.Key] = value;
            }
        }
    }

    private static void ApplyPool(IConfigurationSection section, StrataOptions options)
    {
        var pool = options.Pool;
        pool.MinSize = Number(section, "MinSize", options) ?? pool.MinSize;
        pool.MaxSize = Number(section, "MaxSize", options) ?? pool.MaxSize;
        pool.ConnectionLifetime = Duration(section, "ConnectionLifetime", ZeroDuration.NoTimeout, options) ?? pool.ConnectionLifetime;
        pool.CommandTimeout = Duration(section, "CommandTimeout", ZeroDuration.NoTimeout, options) ?? pool.CommandTimeout;
        pool.ResetOnClose = Flag(section, "ResetOnClose", options) ?? pool.ResetOnClose;
        pool.Multiplexing = Flag(section, "Multiplexing", options) ?? pool.Multiplexing;
        pool.MaxAutoPrepare = Number(section, "MaxAutoPrepare", options) ?? pool.MaxAutoPrepare;
    }

    // Parsed with the engine's own duration rule; the settings builder validates the values once more in context.
    private static void ApplyMigrator(IConfigurationSection section, StrataOptions options)
    {
        options.HistoryTable = Text(section, "HistoryTable") ?? options.HistoryTable;
        options.LockTimeout = Duration(section, "LockTimeout", ZeroDuration.NoTimeout, options) ?? options.LockTimeout;
        options.StatementTimeout = Duration(section, "StatementTimeout", ZeroDuration.NoTimeout, options) ?? options.StatementTimeout;
        options.LockRetries = Number(section, "LockRetries", options) ?? options.LockRetries;
        options.LockWait = Duration(section, "LockWait", ZeroDuration.TryOnce, options) ?? options.LockWait;
        options.AllowOutOfOrder = Flag(section, "AllowOutOfOrder", options) ?? options.AllowOutOfOrder;
    }

    private static string? Text(IConfigurationSection section, string key) =>
        string.IsNullOrWhiteSpace(section[key]) ? null : section[key]!.Trim();

    private static bool? Flag(IConfigurationSection section, string key, StrataOptions options) =>
        Text(section, key) switch
        {
            null => null,
            var text when bool.TryParse(text, out var value) => value,
            "1" => true,
            "0" => false,
            var text => Invalid<bool>(options, section, key, text, "true or false"),
        };

    private static int? Number(IConfigurationSection section, string key, StrataOptions options) =>
        Text(section, key) switch
        {
            null => null,
            var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) => value,
            var text => Invalid<int>(options, section, key, text, "a whole number"),
        };

    // What 0 means differs by key (no timeout, try once, or refused), and a refusal offers 0 only where it is accepted.
    private static TimeSpan? Duration(IConfigurationSection section, string key, ZeroDuration zero, StrataOptions options)
    {
        var text = Text(section, key);
        if (text is null)
        {
            return null;
        }

        if (MigrationDuration.TryParse(text, zero, out var duration, out var problem))
        {
            return duration;
        }

        options.ConfigurationProblems.Add($"configuration value {section.Path}:{key} '{text}': {problem}");
        return null;
    }

    private static T? Invalid<T>(StrataOptions options, IConfigurationSection section, string key, string text, string expected)
        where T : struct
    {
        options.ConfigurationProblems.Add(
            $"configuration value {section.Path}:{key} is '{text}', which is not {expected}; fix it in appsettings.json or the environment ({section.Path.Replace(":", "__", StringComparison.Ordinal)}__{key})");
        return null;
    }
}
