using System.CommandLine;
using Strata.Cli.Output;
using Strata.Core.Configuration;

namespace Strata.Cli.Hosting;

/// <summary>How a run writes its output, from the settings (or, when they could not be built, from the flags alone).</summary>
internal sealed record OutputPreferences(OutputMode Mode, Verbosity Verbosity, bool Color)
{
    public static OutputPreferences From(StrataSettings settings, CliContext context) =>
        Create(settings.Json.Value, settings.Quiet.Value, settings.Verbose.Value, settings.NoColor.Value, context);

    /// <summary>The flags alone: used to report an error in the settings themselves.</summary>
    public static OutputPreferences FromFlags(ParseResult parse, CliContext context) =>
        Create(
            Given(parse, GlobalOptions.Json), Given(parse, GlobalOptions.Quiet), Given(parse, GlobalOptions.Verbose), Given(parse, GlobalOptions.NoColor),
            context);

    private static OutputPreferences Create(bool json, bool quiet, bool verbose, bool noColor, CliContext context) => new(
        json ? OutputMode.Json : OutputMode.Human,
        verbose ? Verbosity.Verbose : quiet ? Verbosity.Quiet : Verbosity.Normal,
        !json && !noColor && context.OutputIsTerminal && context.Variable("TERM") != "dumb");

    private static bool Given(ParseResult parse, Option<bool> option) =>
        parse.GetResult(option) is { Implicit: false } && parse.GetValue(option);
}
