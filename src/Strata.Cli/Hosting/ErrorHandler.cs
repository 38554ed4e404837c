using System.CommandLine;
using Npgsql;
using Strata.Cli.Output;
using Strata.Core.Errors;

namespace Strata.Cli.Hosting;

/// <summary>The one place an exception becomes an exit code and a single line of output.</summary>
internal static class ErrorHandler
{
    public static int Report(Exception exception, Reporter reporter, Command? invoked = null)
    {
        var exitCode = ExitCodes.For(exception);
        var (code, message) = exception switch
        {
            StrataException strata => (strata.Code, strata.Message),
            MigrationInterruptedException interrupted => ("cancelled", interrupted.Message),
            OperationCanceledException => ("cancelled", "cancelled: stopped before finishing; nothing was left half-applied"),
            PostgresException pg => ("database-error", $"{pg.SqlState}: {pg.MessageText}"),
            NpgsqlException npgsql => ("database-error", npgsql.Message),
            _ => ("internal-error", $"unexpected {exception.GetType().Name}: {exception.Message} (run with --verbose for details)"),
        };
        var nextSteps = exception is StrataException { NextSteps: var steps } ? NextStepCommands.RenderAll(steps, invoked) : [];
        reporter.Failure(code, exitCode, message, exception, nextSteps);
        return exitCode;
    }
}
