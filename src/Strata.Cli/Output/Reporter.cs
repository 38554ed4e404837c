using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Strata.Core.Secrets;

namespace Strata.Cli.Output;

/// <summary>
/// The only writer of a run's output. Human mode: results on stdout, progress and errors on stderr. JSON mode: one
/// JSON object per line on stdout (stable field names: time, level, event, message, then the event's own fields),
/// fit for CloudWatch and pipelines. Every string passes through the secret redactor on its way out.
/// </summary>
internal sealed class Reporter(TextWriter output, TextWriter error, OutputMode mode, Verbosity verbosity, Style style)
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };
    private readonly Lock _gate = new();

    public OutputMode Mode { get; } = mode;

    public Verbosity Verbosity { get; } = verbosity;

    public Style Style { get; } = style;

    public bool IsJson => Mode == OutputMode.Json;

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
    public void Result(string name, string message, JsonObject fields, Action<TextWriter> human)
    {
        if (IsJson)
        {
            WriteEvent(name, message, fields, LogLevel.Information);
            return;
        }

        using var buffer = new StringWriter(CultureInfo.InvariantCulture);
        human(buffer);
        lock (_gate)
        {
            output.Write(SecretRedactor.Redact(buffer.ToString()));
            output.Flush();
        }
    }

    /// <summary>Reports the error that ends the run: one line, a line per next step as a command, and the redacted stack trace with --verbose.</summary>
    public void Failure(string code, int exitCode, string message, Exception? exception, IReadOnlyList<string>? nextSteps = null)
    {
        nextSteps ??= [];
        if (IsJson)
        {
            var fields = new JsonObject { ["code"] = code, ["exitCode"] = exitCode };
            if (nextSteps.Count > 0)
            {
                fields["nextSteps"] = new JsonArray([.. nextSteps.Select(step => JsonValue.Create(step))]);
            }

            if (Verbosity == Verbosity.Verbose && exception is not null)
            {
                fields["detail"] = SecretRedactor.Redact(exception.ToString());
            }

            WriteEvent("error", message, fields, LogLevel.Error);
            return;
        }

        WriteLine(error, Style.Red("error: ") + SecretRedactor.Redact(message));
        foreach (var step in nextSteps)
        {
            WriteLine(error, Style.Dim("next: ") + step);
        }

        if (Verbosity == Verbosity.Verbose && exception is not null)
        {
            WriteLine(error, Style.Dim(SecretRedactor.Redact(exception.ToString())));
        }
    }

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

    private void WriteLine(TextWriter writer, string line)
    {
        lock (_gate)
        {
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
