using System.Collections.Frozen;
using System.Text;

namespace Strata.Core.Generators;

/// <summary>Quotes identifiers the way <c>quote_ident</c> does, so generated SQL stays readable and always parses.</summary>
internal static class SqlIdentifier
{
    // Every keyword PostgreSQL 15 does not list as unreserved (pg_get_keywords() catcode <> 'U'), which quote_ident
    // quotes (the reserved and type/function-name ones are not accepted bare as names), and PostgreSQL 16's system_user.
    private static readonly FrozenSet<string> Keywords = new[]
    {
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "between",
        "bigint", "binary", "bit", "boolean", "both", "case", "cast", "char", "character", "check", "coalesce",
        "collate", "collation", "column", "concurrently", "constraint", "create", "cross", "current_catalog",
        "current_date", "current_role", "current_schema", "current_time", "current_timestamp", "current_user", "dec",
        "decimal", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "exists", "extract",
        "false", "fetch", "float", "for", "foreign", "freeze", "from", "full", "grant", "greatest", "group", "grouping",
        "having", "ilike", "in", "initially", "inner", "inout", "int", "integer", "intersect", "interval", "into", "is",
        "isnull", "join", "lateral", "leading", "least", "left", "like", "limit", "localtime", "localtimestamp",
        "national", "natural", "nchar", "none", "normalize", "not", "notnull", "null", "nullif", "numeric", "offset",
        "on", "only", "or", "order", "out", "outer", "overlaps", "overlay", "placing", "position", "precision",
        "primary", "real", "references", "returning", "right", "row", "select", "session_user", "setof", "similar",
        "smallint", "some", "substring", "symmetric", "system_user", "table", "tablesample", "then", "time",
        "timestamp", "to", "trailing", "treat", "trim", "true", "union", "unique", "user", "using", "values", "varchar",
        "variadic", "verbose", "when", "where", "window", "with", "xmlattributes", "xmlconcat", "xmlelement",
        "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable",
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
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}
