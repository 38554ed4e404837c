namespace Strata.Core.Data;

/// <summary>Quotes names and values for the few statements that cannot take parameters (CREATE/DROP DATABASE).</summary>
internal static class SqlText
{
    /// <summary>A double-quoted identifier, embedded quotes doubled: any name is used exactly as given.</summary>
    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A standard-conforming string literal, or NULL.</summary>
    public static string Literal(string? value) =>
        value is null ? "NULL" : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
