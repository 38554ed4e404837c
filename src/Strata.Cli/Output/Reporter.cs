using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Strata.Core.Errors;
using Strata.Core.Execution;
using Strata.Core.Secrets;

namespace Strata.Cli.Output;

/// <summary>
/// The only writer of a run's output. Human mode: results on stdout, progress and errors on stderr. JSON mode: one
/// JSON object per line on stdout (stable field names: time, level, event, message, then the event's own fields),
/// fit for CloudWatch and pipelines. Every string passes through the secret redactor on its way out.
/// </summary>
internal sealed class Reporter(TextWriter output, TextWriter error, OutputMode mode, Verbosity verbosity, Style style, string workspace)
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };
    private readonly Lock _gate = new();
    private bool _barShown;

    public OutputMode Mode { get; } = mode;

    public Verbosity Verbosity { get; } = verbosity;

    public Style Style { get; } = style;

    public bool IsJson => Mode == OutputMode.Json;

    /// <summary>Whether progress with a percent is drawn as a bar redrawn in place (stderr is a terminal).</summary>
    public bool ProgressBars { get; init; }

    /// <summary>
    /// Set once a run is known to be long enough to be summed up: its per-migration progress lines are then left out
    /// of human output, as its result lines are (--verbose and JSON keep both).
    /// </summary>
    public bool SummarizesMigrations { get; set; }

    /// <summary>The Markdown for $GITHUB_STEP_SUMMARY; filled only under --format github.</summary>
    public StepSummary Summary { get; } = new();

    /// <summary>Reports progress: a line on stderr (unless --quiet), or a JSON event.</summary>
    public void Progress(string name, string message, JsonObject? fields = null, LogLevel level = LogLevel.Information)
    {
        if (!ShouldShow(level))
        {
            return;
        }

        if (IsJson)
        {
            WriteEvent(name, message, fields, level);
            return;
        }

        var text = SecretRedactor.Redact(message);
        if (ProgressBars && level == LogLevel.Information && ProgressBar.PercentOf(fields) is { } percent)
        {
            lock (_gate)
            {
                error.Write(ProgressBar.Clear + ProgressBar.Render(percent, text));
                error.Flush();
                _barShown = true;
            }

            return;
        }

        var line = level switch
        {
            >= LogLevel.Error => Style.Red("error: ") + text,
            LogLevel.Warning => Style.Yellow("warning: ") + text,
            <= LogLevel.Debug => Style.Dim(text),
            _ => text,
        };
        WriteLine(error, line);
    }

    /// <summary>Reports a result whose human rendering is its message alone, on one line.</summary>
    public void Result(string name, string message, JsonObject fields) =>
        Result(name, message, fields, writer => writer.WriteLine(message));

    /// <summary>Reports a command's result: the JSON event, or the human rendering on stdout.</summary>
    public void Result(string name, string message, JsonObject fields, Action<TextWriter> human) =>
        Result(name, message, () => fields, human);

    /// <summary>
    /// Reports a command's result whose JSON fields are built only when JSON is written: a result over every migration
    /// (a status of 1,000 rows) would otherwise build a JSON tree that human output never reads.
    /// </summary>
    public void Result(string name, string message, Func<JsonObject> fields, Action<TextWriter> human)
    {
        if (IsJson)
        {
            WriteEvent(name, message, fields(), LogLevel.Information);
            return;
        }

        using var buffer = new StringWriter(CultureInfo.InvariantCulture);
        human(buffer);
        if (Mode == OutputMode.Github)
        {
            Summary.AddResult(message, buffer.ToString());
        }

        lock (_gate)
        {
            output.Write(SecretRedactor.Redact(buffer.ToString()));
            output.Flush();
        }
    }

    /// <summary>
    /// Reports the error that ends the run: one line, a line per next step as a command, the redacted stack trace with
    /// --verbose; the migrations completed before it on stdout; under --format github also an annotation and a
    /// step-summary section.
    /// </summary>
    public void Failure(ErrorReport report, Exception? exception)
    {
        if (IsJson)
        {
            WriteEvent("error", report.Message, ErrorJson.Fields(report, Verbosity == Verbosity.Verbose ? exception : null), LogLevel.Error);
            return;
        }

        if (report.Completed is { Migrations.Count: > 0 } completed)
        {
            WriteCompleted(completed, kept: exception is not ConnectionFailedException);
        }

        WriteLine(error, Style.Red("error: ") + SecretRedactor.Redact(report.Message));
        foreach (var step in report.NextSteps)
        {
            WriteLine(error, Style.Dim("next: ") + step);
        }

        if (Verbosity == Verbosity.Verbose && exception is not null)
        {
            WriteLine(error, Style.Dim(SecretRedactor.Redact(exception.ToString())));
        }

        if (Mode == OutputMode.Github)
        {
            var file = report.File is null ? null : Display(report.File);
            WriteLine(output, SecretRedactor.Redact(GithubCommands.Annotation("error", report.Message, file, report.Line, report.Column, "strata: " + report.Code)));
            if (report.Completed is { Migrations.Count: > 0 } applied)
            {
                var verb = CompletedVerb(applied);
                Summary.AddRun($"### {char.ToUpperInvariant(verb[0])}{verb[1..]} before the failure", applied, Display);
            }

            Summary.AddFailure(report, Display);
        }
    }

    /// <summary>A path as people and GitHub read it: relative to the workspace when it lies inside it.</summary>
    public string Display(string path) => GithubCommands.RelativePath(path, workspace);

    public bool ShouldShow(LogLevel level) => Verbosity switch
    {
        Verbosity.Quiet => level >= LogLevel.Warning,
        Verbosity.Verbose => level >= LogLevel.Debug,
        _ => level >= LogLevel.Information,
    };

    private void WriteEvent(string name, string message, JsonObject? fields, LogLevel level)
    {
        var json = new JsonObject
        {
            ["time"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["level"] = LevelName(level),
            ["event"] = name,
            ["message"] = message,
        };
        foreach (var (key, value) in fields ?? [])
        {
            json[key] = value?.DeepClone();
        }

        WriteLine(output, SecretRedactor.Redact(json.ToJsonString(Compact)));
    }

    // After a lost connection the server may have gone down, undoing the commits of its last moment (a run waits for
    // the flush only at its end): the history says which it kept.
    private void WriteCompleted(MigrationRunResult completed, bool kept)
    {
        var count = completed.Migrations.Count;
        var verb = CompletedVerb(completed);
        using var buffer = new StringWriter(CultureInfo.InvariantCulture);
        var table = new TextTable("VERSION", "DESCRIPTION", "TIME", "ATTEMPTS");
        foreach (var step in completed.Migrations)
        {
            table.Add([step.Version.Value, step.Description, DurationText.Format(step.Duration), step.Attempts.ToString(CultureInfo.InvariantCulture)]);
        }

        table.WriteTo(buffer, Style);
        buffer.WriteLine($"{verb} {count} migration{(count == 1 ? "" : "s")} before the failure; " +
            (kept ? "they stay committed" : "run status to see which of them the server kept"));
        lock (_gate)
        {
            output.Write(SecretRedactor.Redact(buffer.ToString()));
            output.Flush();
        }
    }

    // What the migrations of a run did: a failed down or redo reverted those it completed.
    private static string CompletedVerb(MigrationRunResult completed) => completed.Direction == MigrationDirection.Up ? "applied" : "reverted";

    private void WriteLine(TextWriter writer, string line)
    {
        lock (_gate)
        {
            if (_barShown)
            {
                // Whatever comes next replaces the bar on stderr, or starts below it on stdout.
                error.Write(writer == error ? ProgressBar.Clear : Environment.NewLine);
                error.Flush();
                _barShown = false;
            }

            writer.WriteLine(line);
            writer.Flush();
        }
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        _ => "error",
    };
}
