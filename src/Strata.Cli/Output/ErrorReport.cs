using Npgsql;
using Strata.Core.Errors;
using Strata.Core.Execution;

namespace Strata.Cli.Output;

/// <summary>
/// The error that ends a run, as data: what every output format renders (one line of text, the JSON error event, a
/// workflow annotation). Location fields are null when the error has no place in a file.
/// </summary>
internal sealed record ErrorReport(string Code, int ExitCode, string Message)
{
    /// <summary>The migration or script file, as the engine names it.</summary>
    public string? File { get; init; }

    /// <summary>The 1-based line in <see cref="File"/>.</summary>
    public int? Line { get; init; }

    /// <summary>The 1-based column in <see cref="File"/>.</summary>
    public int? Column { get; init; }

    /// <summary>The server's SQLSTATE, when the server refused something.</summary>
    public string? SqlState { get; init; }

    /// <summary>The version of the migration that failed.</summary>
    public string? Migration { get; init; }

    /// <summary>The failing statement, redacted and shortened.</summary>
    public string? Statement { get; init; }

    /// <summary>The next steps as command lines.</summary>
    public IReadOnlyList<string> NextSteps { get; init; } = [];

    /// <summary>The migrations a failed run completed (and committed) before it stopped, or null.</summary>
    public MigrationRunResult? Completed { get; init; }

    public static ErrorReport From(Exception exception, int exitCode, InvokedCommandLine? invoked)
    {
        var (code, message) = exception switch
        {
            StrataException strata => (strata.Code, strata.Message),
            MigrationInterruptedException interrupted => ("cancelled", interrupted.Message),
            OperationCanceledException => ("cancelled", "cancelled: stopped before finishing; nothing was left half-applied"),
            PostgresException pg => ("database-error", $"{pg.SqlState}: {pg.MessageText}"),
            NpgsqlException npgsql => ("database-error", npgsql.Message),
            _ => ("internal-error", $"unexpected {exception.GetType().Name}: {exception.Message} (run with --verbose for details)"),
        };
        var report = new ErrorReport(code, exitCode, message)
        {
            NextSteps = exception switch
            {
                StrataException { NextSteps: var steps } => NextStepCommands.RenderAll(steps, invoked),
                MigrationInterruptedException { NextSteps: var steps } => NextStepCommands.RenderAll(steps, invoked),
                _ => [],
            },
            Completed = PartialRun.Find(exception),
        };
        var located = Locate(report, exception);
        return located with { SqlState = located.SqlState ?? ExceptionChain.Find<PostgresException>(exception)?.SqlState };
    }

    // The first error in the chain that knows where the failure happened: a wrapper (verify's validation failure)
    // keeps the place of the error it wraps.
    private static ErrorReport Locate(ErrorReport report, Exception exception)
    {
        foreach (var cause in ExceptionChain.Of(exception))
        {
            ErrorReport? located = cause switch
            {
                MigrationFailedException failed => report.At(failed.Failure),
                LockNotAcquiredException { Failure: { } waited } => report.At(waited),
                LockNotAcquiredException { Version: { } version } => report with { Migration = version },
                ConnectionFailedException { Version: { } version } => report with { Migration = version },
                MigrationFileException file => report with { File = file.FileName, Line = file.Line },
                MigrationInterruptedException interrupted => report with { Migration = interrupted.Version },
                SqlSyntaxException syntax => report with { File = syntax.FileName, Line = syntax.Line, Column = syntax.Column },
                ScriptFailedException script => report with
                {
                    File = script.File, Line = script.Line, Column = script.Column, SqlState = script.SqlState, Statement = StatementText.Redact(script.Statement),
                },
                DatabaseCommandFailedException command => report with { SqlState = command.SqlState },
                _ => null,
            };
            if (located is not null)
            {
                return located;
            }
        }

        return report;
    }

    private ErrorReport At(MigrationFailure failure) => this with
    {
        File = failure.File, Line = failure.Line, Column = failure.Column, SqlState = failure.SqlState, Migration = failure.Version,
        Statement = StatementText.Redact(failure.Statement),
    };
}
