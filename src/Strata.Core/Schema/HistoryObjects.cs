using Strata.Core.Configuration;

namespace Strata.Core.Schema;

/// <summary>Removes Strata's history table (with its columns, keys, indexes and sequences) from a schema.</summary>
internal static class HistoryObjects
{
    /// <summary><paramref name="snapshot"/> without the history table, and without its schema unless that is <c>public</c>.</summary>
    public static SchemaSnapshot Exclude(SchemaSnapshot snapshot, HistoryTableName history)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(history);
        var table = QuoteIdent(history.Schema) + "." + QuoteIdent(history.Name);
        var schema = QuoteIdent(history.Schema);
        return snapshot.Without(o =>
            (o.Kind == "table" && o.Name == table)
            || (o.Kind == "schema" && o.Name == schema && history.Schema != "public")
            || (o.Kind == "sequence" && o.Attributes.TryGetValue("owned by", out var owner) && owner.StartsWith(table + ".", StringComparison.Ordinal)));
    }

    // quote_ident's rule, short of its keyword list: history table names are simple identifiers in practice.
    private static string QuoteIdent(string name) =>
        name.Length > 0 && (char.IsAsciiLetterLower(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')
            ? name
            : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
