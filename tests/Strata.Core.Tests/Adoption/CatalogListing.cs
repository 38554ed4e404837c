using Strata.Core.Tests.Engine;
using Strata.Testing;

namespace Strata.Core.Tests.Adoption;

/// <summary>The server's own account of what a database holds: schemas, relations with their columns, and row counts of tables.</summary>
public static class CatalogListing
{
    private const string Relations = """
        SELECT coalesce(string_agg(format('%s.%s %s (%s)', n.nspname, c.relname, c.relkind,
            (SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum)
             FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped)), E'\n' ORDER BY n.nspname, c.relname), '')
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_toast'
        """;

    private const string Schemas = "SELECT string_agg(nspname, ',' ORDER BY nspname) FROM pg_namespace";

    // Row counts of every ordinary table, read by the server with one query per table through query_to_xml.
    private const string RowCounts = """
        SELECT coalesce(string_agg(format('%I.%I=%s', n.nspname, c.relname,
            (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I', n.nspname, c.relname), false, true, '')))[1]::text), ',' ORDER BY 1), '')
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_toast'
        """;

    public static async Task<string> ReadAsync(TestDatabase db) =>
        $"{await db.ScalarAsync<string>(Schemas)}\n{await db.ScalarAsync<string>(Relations)}\n{await db.ScalarAsync<string>(RowCounts)}";
}
