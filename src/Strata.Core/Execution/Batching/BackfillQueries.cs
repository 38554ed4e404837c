using Strata.Core.Migrations;

namespace Strata.Core.Execution.Batching;

/// <summary>
/// The SQL of a batched statement's batches. Keys travel as text and are cast back to the key's type, so any orderable
/// key type works (by ORDER BY, not max(), which uuid lacks); <c>$1</c> is the last key done (absent for the first batch) and the last parameter the range's end.
/// </summary>
internal sealed class BackfillQueries(BackfillKey key, BatchDirective batch)
{
    /// <summary>The largest key now (the fixed end of the key space) and the number of rows, estimated when the table was analysed.</summary>
    public static string Extent(BackfillKey key) => $"""
        SELECT (SELECT {key.Column} FROM {key.Table} ORDER BY {key.Column} DESC LIMIT 1)::text,
               CASE WHEN c.reltuples > 0 THEN c.reltuples::bigint ELSE (SELECT count(*) FROM {key.Table}) END
          FROM pg_catalog.pg_class c WHERE c.oid = '{key.Table.Replace("'", "''", StringComparison.Ordinal)}'::regclass
        """;

    /// <summary>How many keys the next batch covers and its last key: the next at most N keys after the last one done.</summary>
    public string NextRange(bool first) =>
        $"SELECT count(*), (array_agg(k ORDER BY k DESC))[1]::text FROM (SELECT {key.Column} AS k FROM {key.Table} WHERE {Range(key.Column, first)} " +
        $"ORDER BY {key.Column} LIMIT {batch.Size}) AS batch";

    /// <summary>The user's statement restricted to the batch's key range, its own condition kept.</summary>
    public string Statement(bool first) => batch.Statement.Restricted(Range(batch.Statement.Qualifier + "." + key.Column, first));

    private string Range(string column, bool first)
    {
        var end = first ? "$1" : "$2";
        var upTo = $"{column} <= {end}::{key.Type}";
        return first ? upTo : $"{column} > $1::{key.Type} AND {upTo}";
    }
}
