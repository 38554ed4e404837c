using System.Globalization;
using System.Text.Json;
using Strata.Cli.Output;
using Strata.Core.Secrets;

namespace Strata.Cli.Commands.Lint;

/// <summary>
/// The error that ends a lint run, in the document format asked for, so that `lint --format sarif &gt; lint.sarif`
/// never leaves an empty file: json gets the error event every command writes under --json, sarif a log whose one
/// invocation failed with the error as its notification. The one-line error still goes to stderr.
/// </summary>
internal static class LintFailure
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public static void Write(CommandRun run, LintFormat format, Exception exception, InvokedCommandLine invoked)
    {
        var report = ErrorReport.From(exception, ExitCodes.For(exception), invoked);
        var display = LintRendering.Display(run.Context.WorkingDirectory);
        var file = report.File is null ? null : display(report.File);
        var text = format == LintFormat.Sarif
            ? LintSarif.FailedLog(report, file).ToJsonString(LintRendering.Indented)
            : Event(report, file).ToJsonString(Compact);
        run.Context.Out.Write(SecretRedactor.Redact(text) + "\n");
        run.Context.Out.Flush();
    }

    private static JsonObject Event(ErrorReport report, string? file)
    {
        var json = new JsonObject
        {
            ["time"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["level"] = "error",
            ["event"] = "error",
            ["message"] = report.Message,
        };
        foreach (var (key, value) in ErrorJson.Fields(report with { File = file }, null))
        {
            json[key] = value?.DeepClone();
        }

        return json;
    }
}
