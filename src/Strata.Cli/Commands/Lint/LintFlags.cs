using System.CommandLine;
using System.Globalization;
using Strata.Cli.Hosting;
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

    public static readonly Option<string?> Format = new("--format")
    {
        Description = "text, json (one document), sarif (SARIF 2.1.0 for code scanning) or github (workflow annotations). [env: STRATA_LINT_FORMAT] [default: text]",
        HelpName = "format",
    };

    public static readonly Option<string?> FailOn = new("--fail-on")
    {
        Description = $"Exit {ExitCodes.ValidationFailed} when a finding is at least this severe: error, warning, info or none. [env: STRATA_LINT_FAIL_ON] [default: error]",
        HelpName = "severity",
    };

    public static readonly Option<string?> PostgresVersion = new("--postgres-version")
    {
        Description = $"The PostgreSQL major version the migrations will run on. [env: STRATA_POSTGRES_VERSION] [default: {LintOptions.DefaultPostgresVersion}]",
        HelpName = "major",
    };

    public static readonly Option<bool> Dynamic = new("--dynamic")
    {
        Description = "Also run each migration, statement by statement, on a scratch copy of the reference database's schema (--database-url; without one, the migrations before it build the schema) and report the locks, rewrites and scans PostgreSQL shows. [env: STRATA_LINT_DYNAMIC]",
    };

    public static readonly Option<string?> ScratchUrl = new("--scratch-url")
    {
        Description = "A server where dynamic lint may create and drop its scratch database. [env: STRATA_SCRATCH_URL] [default: the local cluster]",
        HelpName = "url",
    };

    public static void AddTo(Command command)
    {
        command.Arguments.Add(Paths);
        command.Options.Add(Format);
        command.Options.Add(FailOn);
        command.Options.Add(PostgresVersion);
        command.Options.Add(Dynamic);
        command.Options.Add(ScratchUrl);
    }

    public static bool ReadDynamic(ParseResult parse, CommandRun run) => CliSettings.Flag(parse, Dynamic, run.Context, "STRATA_LINT_DYNAMIC");

    public static string? ReadScratchUrl(ParseResult parse, CommandRun run) => Text(parse, ScratchUrl, run, "STRATA_SCRATCH_URL");

    public static LintFormat ReadFormat(ParseResult parse, CommandRun run) =>
        Text(parse, Format, run, "STRATA_LINT_FORMAT")?.ToLowerInvariant() switch
        {
            null or "text" => LintFormat.Text,
            "json" => LintFormat.Json,
            "sarif" => LintFormat.Sarif,
            "github" => LintFormat.Github,
            var other => throw new ConfigurationException($"--format '{other}': use text, json, sarif or github"),
        };

    /// <summary>The least severe finding that fails the run, or null for none.</summary>
    public static LintSeverity? ReadFailOn(ParseResult parse, CommandRun run) =>
        Text(parse, FailOn, run, "STRATA_LINT_FAIL_ON")?.ToLowerInvariant() switch
        {
            null or "error" => LintSeverity.Error,
            "warning" => LintSeverity.Warning,
            "info" => LintSeverity.Info,
            "none" => null,
            var other => throw new ConfigurationException($"--fail-on '{other}': use error, warning, info or none"),
        };

    public static LintOptions ReadOptions(ParseResult parse, CommandRun run)
    {
        var text = Text(parse, PostgresVersion, run, "STRATA_POSTGRES_VERSION");
        if (text is null)
        {
            return new LintOptions();
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var major) && major is >= 9 and <= 99
            ? new LintOptions { PostgresVersion = major }
            : throw new ConfigurationException($"--postgres-version '{text}': give a PostgreSQL major version such as 13 or 17");
    }

    private static string? Text(ParseResult parse, Option<string?> option, CommandRun run, string variable) =>
        parse.GetResult(option) is not null ? parse.GetValue(option) : run.Context.Variable(variable);
}
