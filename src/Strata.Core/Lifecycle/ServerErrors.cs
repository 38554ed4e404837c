using Npgsql;
using Strata.Core.Errors;
using Strata.Core.Secrets;

namespace Strata.Core.Lifecycle;

/// <summary>Words a server error on one redacted line, as lifecycle errors report it.</summary>
internal static class ServerErrors
{
    /// <summary>"<paramref name="what"/>: SQLSTATE message (detail: ...; hint: ...)", with Strata's hint when the server gave none.</summary>
    public static DatabaseCommandFailedException Command(string what, PostgresException error, string? hint = null, IReadOnlyList<NextStep>? nextSteps = null) =>
        new($"{what}: {Describe(error, hint)}", error.SqlState, SafeInner(error)) { NextSteps = nextSteps ?? [] };

    public static string Describe(PostgresException error, string? hint = null)
    {
        var notes = new[] { Detail(error) is { } detail ? "detail: " + detail : null, (OneLine(error.Hint) ?? hint) is { } h ? "hint: " + h : null }
            .Where(note => note is not null)
            .ToList();
        var text = $"{error.SqlState} {OneLine(error.MessageText)}";
        return notes.Count == 0 ? text : $"{text} ({string.Join("; ", notes)})";
    }

    public static Exception? SafeInner(Exception error)
    {
        var text = error.ToString();
        return SecretRedactor.Redact(text) == text ? error : null;
    }

    public static string? OneLine(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : SecretRedactor.Redact(text).ReplaceLineEndings(" ").Trim();

    // Unless the data source includes error detail, Npgsql replaces the detail with a notice saying so.
    private static string? Detail(PostgresException error) =>
        error.Detail?.StartsWith("Detail redacted", StringComparison.Ordinal) == true ? null : OneLine(error.Detail);
}
