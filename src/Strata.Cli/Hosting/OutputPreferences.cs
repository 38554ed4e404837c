using Strata.Cli.Output;
using Strata.Core.Configuration;
using Strata.Core.Errors;

namespace Strata.Cli.Hosting;

/// <summary>How a run writes its output, from the settings (or, when they could not be built, from the flags and variables that say it).</summary>
internal sealed record OutputPreferences(OutputMode Mode, Verbosity Verbosity, bool Color)
{
    // Commands whose --format chooses a document of their own (lint's json and sarif); their progress stays text.
    private static readonly HashSet<string> DocumentCommands = new(StringComparer.Ordinal) { "lint" };

    /// <summary>The preferences of a run; throws a <see cref="ConfigurationException"/> for a format the command does not have.</summary>
    public static OutputPreferences From(StrataSettings settings, CliContext context, Command? command = null) =>
        Create(
            settings.Json.Value, ModeOf(settings.LintFormat.Value, settings.LintFormat.Origin, command),
            settings.Quiet.Value, settings.Verbose.Value, settings.NoColor.Value, context);

    /// <summary>
    /// The preferences read as far as they can be when the settings could not be built, to report that error: a
    /// format the command does not have is text here, its own error being the one reported.
    /// </summary>
    public static OutputPreferences Fallback(OutputSettings output, CliContext context, Command? command)
    {
        OutputMode mode;
        try
        {
            mode = ModeOf(output.Format.Value, output.Format.Origin, command);
        }
        catch (ConfigurationException)
        {
            mode = OutputMode.Human;
        }

        return Create(output.Json.Value, mode, output.Quiet.Value, output.Verbose.Value, output.NoColor.Value, context);
    }

    private static OutputMode ModeOf(string? format, string origin, Command? command)
    {
        var ownsFormat = command is not null && DocumentCommands.Contains(command.Name);
        return format?.ToLowerInvariant() switch
        {
            null or "text" => OutputMode.Human,
            "github" => OutputMode.Github,
            "json" when !ownsFormat => OutputMode.Json,
            _ when ownsFormat => OutputMode.Human, // the command checks its own formats
            "sarif" => throw new ConfigurationException($"{origin} 'sarif': SARIF is written by strata lint only; here use text, json or github"),
            _ => throw new ConfigurationException($"{origin} '{format}': use text, json or github"),
        };
    }

    private static OutputPreferences Create(bool json, OutputMode format, bool quiet, bool verbose, bool noColor, CliContext context)
    {
        var mode = json ? OutputMode.Json : format;
        return new(
            mode,
            verbose ? Verbosity.Verbose : quiet ? Verbosity.Quiet : Verbosity.Normal,
            mode != OutputMode.Json && !noColor && context.OutputIsTerminal && context.Variable("TERM") != "dumb");
    }
}
