namespace Strata.Core.Errors;

/// <summary>The one-line form every server error and migration failure is reported in: <c>SQLSTATE message (detail: ...; hint: ...)</c>.</summary>
internal static class ErrorLine
{
    /// <summary>The SQLSTATE when there is one, the message, then the detail and hint in parentheses when there are any.</summary>
    public static string Of(string? sqlState, string message, string? detail, string? hint)
    {
        var text = sqlState is null ? message : $"{sqlState} {message}";
        var notes = new[] { detail is null ? null : "detail: " + detail, hint is null ? null : "hint: " + hint }.OfType<string>().ToList();
        return notes.Count == 0 ? text : $"{text} ({string.Join("; ", notes)})";
    }
}
