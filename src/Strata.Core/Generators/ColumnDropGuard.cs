namespace Strata.Core.Generators;

/// <summary>
/// A check placed just before a contract step drops the old column: <c>DROP COLUMN</c> silently takes with it every
/// default, constraint, index and owned sequence of that column (a primary key, a serial's sequence), so the step
/// stops, changing nothing, while any of them, or a NOT NULL the new column lacks, is still there. PostgreSQL's own
/// dependency catalog says what the drop would take.
/// </summary>
internal static class ColumnDropGuard
{
    /// <summary>A DO block that raises, naming what would be lost, unless <paramref name="dropped"/> can go alone.</summary>
    /// <param name="dropped">The column about to be dropped.</param>
    /// <param name="kept">The column that replaces it.</param>
    public static string Check(ColumnName dropped, string kept)
    {
        ArgumentNullException.ThrowIfNull(dropped);
        var table = SqlIdentifier.Literal(dropped.Table.Sql);
        var (droppedName, keptName) = (SqlIdentifier.Literal(dropped.Name), SqlIdentifier.Literal(kept));
        // RAISE reads % in its format as a placeholder, so one in a quoted name is doubled.
        var message = SqlIdentifier.Literal($"dropping column {dropped.ToString().Replace("%", "%%", StringComparison.Ordinal)} would also drop %");
        var hint = SqlIdentifier.Literal(
            $"give {SqlIdentifier.Quote(kept)} what it needs in an earlier migration or above this check, or drop what is not needed explicitly; nothing was changed");
        return $"""
            DO $guard$
            DECLARE
              lost text;
            BEGIN
              SELECT string_agg(what, '; ' ORDER BY what) INTO lost FROM (
                SELECT DISTINCT pg_describe_object(d.classid, d.objid, d.objsubid) AS what
                FROM pg_depend d
                JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                WHERE d.refclassid = 'pg_class'::regclass AND d.refobjid = {table}::regclass AND a.attname = {droppedName}
                UNION ALL
                SELECT 'its NOT NULL, which ' || quote_ident(n.attname) || ' lacks'
                FROM pg_attribute o
                JOIN pg_attribute n ON n.attrelid = o.attrelid AND n.attname = {keptName}
                WHERE o.attrelid = {table}::regclass AND o.attname = {droppedName} AND o.attnotnull AND NOT n.attnotnull
              ) AS lost_objects;
              IF lost IS NOT NULL THEN
                RAISE EXCEPTION {message}, lost USING HINT = {hint};
              END IF;
            END
            $guard$;
            """;
    }
}
