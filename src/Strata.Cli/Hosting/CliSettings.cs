using System.CommandLine;
using Strata.Cli.Output;

namespace Strata.Cli.Hosting;

/// <summary>The global settings of one run, each taken from its flag or else its STRATA_* variable.</summary>
internal sealed record CliSettings(
    string? DatabaseUrl,
    string? EnvironmentName,
    string? ConfigPath,
    string? PasswordFile,
    string? PasswordCommand,
    string? MigrationsDir,
    OutputMode Mode,
    Verbosity Verbosity,
    bool Color)
{
    public static CliSettings From(ParseResult parse, CliContext context)
    {
        var json = Flag(parse, GlobalOptions.Json, context, "STRATA_JSON");
        var quiet = Flag(parse, GlobalOptions.Quiet, context, "STRATA_QUIET");
        var verbose = Flag(parse, GlobalOptions.Verbose, context, "STRATA_VERBOSE");
        var noColor = Flag(parse, GlobalOptions.NoColor, context, "STRATA_NO_COLOR") || context.Variable("NO_COLOR") is not null;
        return new CliSettings(
            parse.GetValue(GlobalOptions.DatabaseUrl),
            parse.GetValue(GlobalOptions.Environment),
            parse.GetValue(GlobalOptions.Config),
            parse.GetValue(GlobalOptions.PasswordFile) ?? context.Variable("STRATA_PASSWORD_FILE"),
            parse.GetValue(GlobalOptions.PasswordCommand),
            parse.GetValue(GlobalOptions.MigrationsDir) ?? context.Variable("STRATA_MIGRATIONS_DIR"),
            json ? OutputMode.Json : OutputMode.Human,
            verbose ? Verbosity.Verbose : quiet ? Verbosity.Quiet : Verbosity.Normal,
            !json && !noColor && context.OutputIsTerminal && context.Variable("TERM") != "dumb");
    }

    /// <summary>A boolean flag when given, else its variable (1, true or yes turn it on).</summary>
    public static bool Flag(ParseResult parse, Option<bool> option, CliContext context, string variable)
    {
        if (parse.GetResult(option) is { Implicit: false })
        {
            return parse.GetValue(option);
        }

        return context.Variable(variable) is { } value && IsTrue(value);
    }

    private static bool IsTrue(string value) =>
        value.Equals("1", StringComparison.Ordinal) || value.Equals("true", StringComparison.OrdinalIgnoreCase) ||
        value.Equals("yes", StringComparison.OrdinalIgnoreCase);
}
