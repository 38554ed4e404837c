using Strata.Cli.Output;

namespace Strata.Cli.Hosting;

/// <summary>The one place an exception becomes an exit code and its report (a line, a JSON event, an annotation).</summary>
internal static class ErrorHandler
{
    public static int Report(Exception exception, Reporter reporter, InvokedCommandLine? invoked = null)
    {
        var report = ErrorReport.From(exception, ExitCodes.For(exception), invoked);
        reporter.Failure(report, exception);
        return report.ExitCode;
    }
}
