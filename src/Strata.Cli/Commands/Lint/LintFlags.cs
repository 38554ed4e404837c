using System.Globalization;
using Strata.Core.Configuration;
using Strata.Core.Errors;
using Strata.Lint;

namespace Strata.Cli.Commands.Lint;

/// <summary>The flags of `strata lint`, each with its STRATA_* variable, validated once.</summary>
internal static class LintFlags
{
    public static readonly Argument<string[]> Paths = new("paths")
    {
        Description = "Migration files, plain .sql files or directories to lint. [default: the pending migrations]",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static readonly Option<string?> FailOn = new("--" + SettingCatalog.LintFailOn.Name)
    {
        Description = SettingHelp.For(SettingCatalog.LintFailOn, $"Exit {ExitCodes.ValidationFailed} when a finding is at least this severe: error, warning, info or none."),
        HelpName = "severity",
    };

    public static readonly Option<string?> PostgresVersion = new("--" + SettingCatalog.PostgresVersion.Name)
    {
        Description = SettingHelp.For(SettingCatalog.PostgresVersion),
        HelpName = "major",
    };

    public static readonly Option<bool> Dynamic = new("--" + SettingCatalog.LintDynamic.Name)
    {
        Description = SettingHelp.For(
            SettingCatalog.LintDynamic,
            "Also run each migration, statement by statement, on a scratch copy of the reference database's schema (--database-url, STRATA_DATABASE_URL or DATABASE_URL; without one, the migrations before it build the schema) and report the locks, rewrites and scans PostgreSQL shows."),
    };

    public static readonly Option<string?> LargeTableRows = new("--" + SettingCatalog.LintLargeTableRows.Name)
    {
        Description = SettingHelp.For(SettingCatalog.LintLargeTableRows),
        HelpName = "rows",
    };

    public static void AddTo(Command command)
    {
        command.Arguments.Add(Paths);
        command.Options.Add(FailOn);
        command.Options.Add(PostgresVersion);
        command.Options.Add(Dynamic);
        command.Options.Add(LargeTableRows);
        command.Options.Add(ScratchFlag.Option);
    }

    public static LintFormat ReadFormat(CommandRun run) =>
        FormatOf(run.Settings.LintFormat.Value)
        ?? throw new ConfigurationException($"{run.Settings.LintFormat.Origin} '{run.Settings.LintFormat.Value}': use text, json, sarif or github");

    /// <summary>The format a --format value names, or null for one lint does not know.</summary>
    public static LintFormat? FormatOf(string? text) => text?.ToLowerInvariant() switch
    {
        null or "text" => LintFormat.Text,
        "json" => LintFormat.Json,
        "sarif" => LintFormat.Sarif,
        "github" => LintFormat.Github,
        _ => null,
    };

    /// <summary>The least severe finding that fails the run, or null for none.</summary>
    public static LintSeverity? ReadFailOn(CommandRun run) =>
        run.Settings.LintFailOn.Value?.ToLowerInvariant() switch
        {
            null or "error" => LintSeverity.Error,
            "warning" => LintSeverity.Warning,
            "info" => LintSeverity.Info,
            "none" => null,
            var other => throw new ConfigurationException($"{run.Settings.LintFailOn.Origin} '{other}': use error, warning, info or none"),
        };

    /// <summary>The linter's options from the settings: the server version, the size threshold and the severities set per rule.</summary>
    public static LintOptions ReadOptions(CommandRun run) => new()
    {
        PostgresVersion = ReadPostgresVersion(run),
        LargeTableRows = run.Settings.LintLargeTableRows.Value,
        RuleSeverities = RuleSeverities(run.Settings.LintRuleSeverities),
    };

    private static int ReadPostgresVersion(CommandRun run)
    {
        var (text, _, origin) = run.Settings.PostgresVersion;
        if (text is null)
        {
            return LintOptions.DefaultPostgresVersion;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var major) && major is >= 9 and <= 99
            ? major
            : throw new ConfigurationException($"{origin} '{text}': give a PostgreSQL major version such as 13 or 17");
    }

    // The words were checked when strata.json was read, the ids when the settings were built.
    private static Dictionary<string, LintSeverity?> RuleSeverities(Setting<IReadOnlyDictionary<string, string>> setting)
    {
        var severities = new Dictionary<string, LintSeverity?>(StringComparer.Ordinal);
        foreach (var (id, word) in setting.Value)
        {
            severities[id] = word switch
            {
                "off" => null,
                "info" => LintSeverity.Info,
                "warning" => LintSeverity.Warning,
                _ => LintSeverity.Error,
            };
        }

        return severities;
    }
}
