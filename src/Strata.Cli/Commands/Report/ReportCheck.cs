namespace Strata.Cli.Commands.Report;

/// <summary>
/// One check the report ran (lint, verify, drift): its result, or why there is none. A check that cannot run does
/// not stop the report; the page says why instead.
/// </summary>
/// <param name="Result">The check's result, or null when it did not run.</param>
/// <param name="Problem">Why it did not run, in one line; null when it ran.</param>
internal sealed record ReportCheck<T>(T? Result, string? Problem)
    where T : class
{
    public static ReportCheck<T> Ran(T result) => new(result, null);

    public static ReportCheck<T> NotRun(string problem) => new(null, problem);
}
