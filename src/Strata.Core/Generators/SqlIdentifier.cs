using System.Collections.Frozen;
using System.Text;

namespace Strata.Core.Generators;

/// <summary>Quotes identifiers the way <c>quote_ident</c> does, so generated SQL stays readable and always parses.</summary>
internal static class SqlIdentifier
{
    // Reserved and type/function-name keywords: unquoted, these are not accepted as table, column or function names.
    private static readonly FrozenSet<string> Keywords = new[]
    {
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "binary", "both",
        "case", "cast", "check", "collate", "collation", "column", "concurrently", "constraint", "create", "cross",
        "current_catalog", "current_date", "current_role", "current_schema", "current_time", "current_timestamp",
        "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch",
        "for", "foreign", "freeze", "from", "full", "grant", "group", "having", "ilike", "in", "initially", "inner",
        "intersect", "into", "is", "isnull", "join", "lateral", "leading", "left", "like", "limit", "localtime",
        "localtimestamp", "natural", "not", "notnull", "null", "offset", "on", "only", "or", "order", "outer",
        "overlaps", "placing", "primary", "references", "returning", "right", "select", "session_user", "similar",
        "some", "symmetric", "system_user", "table", "tablesample", "then", "to", "trailing", "true", "union", "unique",
        "user", "using", "variadic", "verbose", "when", "where", "window", "with",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary><paramref name="name"/> as SQL must write it: bare when it is a plain lowercase identifier, else in double quotes.</summary>
    public static string Quote(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return IsPlain(name) && !Keywords.Contains(name)
            ? name
            : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>The identifier as a SQL string literal, for catalog lookups such as <c>'public.users'::regclass</c>.</summary>
    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static int ByteCount(string name) => Encoding.UTF8.GetByteCount(name);

    private static bool IsPlain(string name) =>
        name.Length > 0
        && (char.IsAsciiLetterLower(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_' || c == '$');
}
