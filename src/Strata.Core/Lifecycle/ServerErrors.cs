using Npgsql;
using Strata.Core.Data;
using Strata.Core.Errors;

namespace Strata.Core.Lifecycle;

/// <summary>The error a lifecycle command reports when the server refused it.</summary>
internal static class ServerErrors
{
    /// <summary>"<paramref name="what"/>: SQLSTATE message (detail: ...; hint: ...)", with Strata's hint when the server gave none.</summary>
    public static DatabaseCommandFailedException Command(string what, PostgresException error, string? hint = null, IReadOnlyList<NextStep>? nextSteps = null) =>
        new($"{what}: {ServerErrorText.Describe(error, hint)}", error.SqlState, ServerErrorText.SafeInner(error)) { NextSteps = nextSteps ?? [] };
}
