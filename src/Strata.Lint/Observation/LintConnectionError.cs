using Npgsql;
using Strata.Core.Errors;
using Strata.Core.Secrets;

namespace Strata.Lint.Observation;

/// <summary>How dynamic lint says a server it needed could not be reached: one line, the server's words, secrets masked.</summary>
internal static class LintConnectionError
{
    /// <summary>A connection failure; <paramref name="what"/> is what lint could not do, such as <c>cannot read the reference database</c>.</summary>
    public static ConnectionFailedException From(string what, NpgsqlException error) =>
        new($"{what} for lint: {SecretRedactor.Redact((error as PostgresException)?.MessageText ?? error.Message)}", error);
}
