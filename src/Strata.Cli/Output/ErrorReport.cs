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
        return exception switch
        {
            MigrationFailedException failed => report with
            {
                File = failed.File, Line = failed.Line, Column = failed.Column, SqlState = failed.SqlState, Migration = failed.Version,
                Statement = StatementText.Redact(failed.Failure.Statement),
            },
            MigrationFileException file => report with { File = file.FileName, Line = file.Line },
            MigrationInterruptedException interrupted => report with { Migration = interrupted.Version },
            SqlSyntaxException syntax => report with { File = syntax.FileName, Line = syntax.Line, Column = syntax.Column },
            ScriptFailedException script => report with { File = script.File, Line = script.Line, Column = script.Column, SqlState = script.SqlState },
            DatabaseCommandFailedException command => report with { SqlState = command.SqlState },
            PostgresException pg => report with { SqlState = pg.SqlState },
            _ => report,
        };
    }

}
