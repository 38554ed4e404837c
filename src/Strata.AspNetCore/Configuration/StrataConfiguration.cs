using System.Globalization;
using Microsoft.Extensions.Configuration;
using Strata.Core.Configuration;
using Strata.Core.Errors;
using Strata.Core.Migrations;

namespace Strata.AspNetCore.Configuration;

/// <summary>Reads the <c>Strata</c> configuration section and the resolver's variables into <see cref="StrataOptions"/>.</summary>
internal static class StrataConfiguration
{
    public const string SectionName = "Strata";

    public static void Apply(IConfiguration configuration, StrataOptions options)
    {
        CopyEnvironment(configuration, options.Environment);
        var section = configuration.GetSection(SectionName);
        options.DatabaseUrl = Text(section, "DatabaseUrl") ?? options.DatabaseUrl;
        options.EnvironmentName = Text(section, "Environment") ?? options.EnvironmentName;
        options.ConfigPath = Text(section, "ConfigPath") ?? options.ConfigPath;
        options.PasswordFile = Text(section, "PasswordFile") ?? options.PasswordFile;
        options.PasswordCommand = Text(section, "PasswordCommand") ?? options.PasswordCommand;
        options.WorkingDirectory = Text(section, "WorkingDirectory") ?? options.WorkingDirectory;
        options.ApplicationName = Text(section, "ApplicationName") ?? options.ApplicationName;
        options.MigrationsDirectory = Text(section, "MigrationsDirectory") ?? options.MigrationsDirectory;
        options.MigrateOnStart = Flag(section, "MigrateOnStart") ?? options.MigrateOnStart;
        options.ReadyTimeout = Duration(section, "ReadyTimeout") ?? options.ReadyTimeout;
        ApplyPool(section.GetSection("Pool"), options.Pool);
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

    private static void ApplyPool(IConfigurationSection section, StrataPoolOptions pool)
    {
        pool.MinSize = Number(section, "MinSize") ?? pool.MinSize;
        pool.MaxSize = Number(section, "MaxSize") ?? pool.MaxSize;
        pool.ConnectionLifetime = Duration(section, "ConnectionLifetime") ?? pool.ConnectionLifetime;
        pool.CommandTimeout = Duration(section, "CommandTimeout") ?? pool.CommandTimeout;
        pool.ResetOnClose = Flag(section, "ResetOnClose") ?? pool.ResetOnClose;
    }

    // Parsed with the engine's own duration rule; the settings builder validates the values once more in context.
    private static void ApplyMigrator(IConfigurationSection section, StrataOptions options)
    {
        options.HistoryTable = Text(section, "HistoryTable") ?? options.HistoryTable;
        options.LockTimeout = Duration(section, "LockTimeout") ?? options.LockTimeout;
        options.StatementTimeout = Duration(section, "StatementTimeout") ?? options.StatementTimeout;
        options.LockRetries = Number(section, "LockRetries") ?? options.LockRetries;
        options.LockWait = Duration(section, "LockWait") ?? options.LockWait;
        options.AllowOutOfOrder = Flag(section, "AllowOutOfOrder") ?? options.AllowOutOfOrder;
    }

    private static string? Text(IConfigurationSection section, string key) =>
        string.IsNullOrWhiteSpace(section[key]) ? null : section[key]!.Trim();

    private static bool? Flag(IConfigurationSection section, string key) =>
        Text(section, key) switch
        {
            null => null,
            var text when bool.TryParse(text, out var value) => value,
            "1" => true,
            "0" => false,
            var text => throw Invalid(section, key, text, "true or false"),
        };

    private static int? Number(IConfigurationSection section, string key) =>
        Text(section, key) switch
        {
            null => null,
            var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) => value,
            var text => throw Invalid(section, key, text, "a whole number"),
        };

    private static TimeSpan? Duration(IConfigurationSection section, string key)
    {
        var text = Text(section, key);
        if (text is null)
        {
            return null;
        }

        return MigrationDuration.TryParse(text, out var duration, out var problem)
            ? duration
            : throw new ConfigurationException($"configuration value {section.Path}:{key} '{text}': {problem}");
    }

    private static ConfigurationException Invalid(IConfigurationSection section, string key, string text, string expected) =>
        new($"configuration value {section.Path}:{key} is '{text}', which is not {expected}; fix it in appsettings.json or the environment ({section.Path.Replace(":", "__", StringComparison.Ordinal)}__{key}).");
}
