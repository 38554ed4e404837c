using Microsoft.Extensions.Logging;
using Strata.Cli.Output;
using Strata.Core.Configuration;
using Strata.Core.Errors;

namespace Strata.Cli.Hosting;

/// <summary>
/// One invocation of one command: its context, settings, reporter and logging. Commands get everything they need
/// from here and make one library call.
/// </summary>
internal sealed partial class CommandRun : IDisposable
{
    private readonly StrataSettings? _settings;

    private InvokedCommandLine? _invoked;

    public CommandRun(CliContext context, StrataSettings? settings, OutputPreferences output)
    {
        Context = context;
        _settings = settings;
        Output = output;
        Reporter = new Reporter(
            context.Out, context.Error, output.Mode, output.Verbosity, new Style(output.Color), context.Variable("GITHUB_WORKSPACE") ?? context.WorkingDirectory)
        {
            // A bar is redrawn in place only on the process's own stderr, and only when that is a terminal.
            ProgressBars = context.Error == Console.Error && !Console.IsErrorRedirected && context.Variable("TERM") != "dumb",
        };
        // Built directly rather than through LoggerFactory.Create, which starts a dependency-injection container:
        // measurable start-up time for one provider and one filter.
        var filters = new LoggerFilterOptions { MinLevel = output.Verbosity == Verbosity.Quiet ? LogLevel.Warning : LogLevel.Trace };
        // Npgsql logs every command at Information: detail for --verbose, noise for a deploy log.
        filters.Rules.Add(new LoggerFilterRule(null, "Npgsql", output.Verbosity == Verbosity.Verbose ? LogLevel.Debug : LogLevel.Warning, null));
        LoggerFactory = new Microsoft.Extensions.Logging.LoggerFactory([new ReporterLoggerProvider(Reporter)], filters);
    }

    public CliContext Context { get; }

    /// <summary>The parsed command line this run is for; null when there is none.</summary>
    public ParseResult? Parse { get; init; }

    /// <summary>The command line as the user gave it, for next steps that rerun it or carry its database flags; read only when a step is shown.</summary>
    public InvokedCommandLine? Invoked => _invoked ??= Parse is null ? null : InvokedCommandLine.From(Parse);

    /// <summary>The run's settings; a run whose settings could not be built only reports that error.</summary>
    public StrataSettings Settings => _settings ?? throw new InvalidOperationException("The settings of this run could not be built.");

    public OutputPreferences Output { get; }

    public Reporter Reporter { get; }

    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Under --format github, appends the run's Markdown summary to $GITHUB_STEP_SUMMARY when the runner set it.</summary>
    public void WriteStepSummary(string title)
    {
        if (Output.Mode == OutputMode.Github && Context.Variable("GITHUB_STEP_SUMMARY") is { } path)
        {
            try
            {
                Reporter.Summary.AppendTo(Path.GetFullPath(path, Context.WorkingDirectory), title);
            }
            catch (Exception ex) when (FileErrorText.IsFileError(ex))
            {
                // The summary is a courtesy: the command's own outcome and exit code stand.
                Reporter.Progress("step-summary", $"could not append the step summary to {path}: {FileErrorText.Describe(ex, path)}", level: LogLevel.Warning);
            }
        }
    }

    public void Dispose() => LoggerFactory.Dispose();
}
