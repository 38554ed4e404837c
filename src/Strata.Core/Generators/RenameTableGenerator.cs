using Strata.Core.Migrations;

namespace Strata.Core.Generators;

/// <summary>
/// <c>--rename-table OLD NEW</c>: rename the table and leave an automatically updatable view under the old name for
/// the running version (expand), then drop the view once that version is gone (contract).
/// </summary>
internal static class RenameTableGenerator
{
    public static IReadOnlyList<GeneratedStep> Generate(TableName table, string newName)
    {
        ArgumentNullException.ThrowIfNull(table);
        var renamed = table.Sibling(newName);
        var view = CompatibilityView(table, renamed);
        var slug = Slug.Of(table.Name, "to", newName);
        return
        [
            new GeneratedStep(
                $"expand_rename_table_{slug}",
                MigrationPhase.Pre,
                $"""
                Expand: renames {table} to {renamed} and creates a view named {table} over it, in one transaction.
                A view selecting every column of one table is automatically updatable: the running version keeps
                reading, inserting, updating and deleting through the old name (column defaults come from the table).
                The view lists the columns the table has now: columns added later are visible only under {renamed}.
                The view gets the table's grants (table and column privileges) and, from PostgreSQL 15, runs with the
                rights of its user (security_invoker), so the table's row-level security policies apply through it; a
                role granted only some columns cannot read through it. Before 15 a view runs with its owner's rights:
                the step stops, changing nothing, if {table} has row-level security enabled.
                App version: the old one (using {table}) is running; deploy the new one (using {renamed}) after this phase.
                Abort: strata down drops the view and renames the table back.
                """,
                $"""
                ALTER TABLE {table.Sql} RENAME TO {SqlIdentifier.Quote(newName)};
                {view}
                """,
                $"""
                DROP VIEW {table.Sql};
                ALTER TABLE {renamed.Sql} RENAME TO {SqlIdentifier.Quote(table.Name)};
                """),
            new GeneratedStep(
                $"contract_rename_table_{slug}",
                MigrationPhase.Post,
                $"""
                Contract: drops the view {table}, which only the old version used.
                App version: only the new one (using {renamed}) may be running: this runs after the rollout.
                Abort: before it runs, keep it pending. After it, strata down re-creates the view.
                """,
                $"DROP VIEW {table.Sql};",
                view),
        ];
    }

    // The view must let the running version do what the table let it, and no more: the same grants, and the rights of
    // whoever queries it (security_invoker, PostgreSQL 15) so row-level security still applies. Both are read when the
    // migration runs, on the server it runs on.
    private static string CompatibilityView(TableName table, TableName renamed)
    {
        var (viewText, tableText) = (SqlIdentifier.Literal(table.Sql), SqlIdentifier.Literal(renamed.Sql));
        return $"""
            CREATE VIEW {table.Sql} AS SELECT * FROM {renamed.Sql};
            DO $strata$
            DECLARE
                grant_ record;
            BEGIN
                IF current_setting('server_version_num')::int >= 150000 THEN
                    EXECUTE format('ALTER VIEW %s SET (security_invoker = true)', {viewText});
                ELSIF (SELECT relrowsecurity FROM pg_catalog.pg_class WHERE oid = {tableText}::regclass) THEN
                    RAISE EXCEPTION 'table % has row-level security, which a view bypasses before PostgreSQL 15 (it runs as its owner)', {tableText}
                        USING HINT = 'rename the table in a maintenance window instead, or upgrade to PostgreSQL 15 or later';
                END IF;
                FOR grant_ IN
                    SELECT NULL::name AS column_name, a.privilege_type, a.grantee, a.is_grantable
                      FROM pg_catalog.pg_class c, aclexplode(c.relacl) a
                     WHERE c.oid = {tableText}::regclass AND a.grantee <> c.relowner
                    UNION ALL
                    SELECT t.attname, a.privilege_type, a.grantee, a.is_grantable
                      FROM pg_catalog.pg_class c
                      JOIN pg_catalog.pg_attribute t ON t.attrelid = c.oid AND t.attnum > 0 AND NOT t.attisdropped, aclexplode(t.attacl) a
                     WHERE c.oid = {tableText}::regclass AND a.grantee <> c.relowner
                LOOP
                    EXECUTE format('GRANT %s%s ON %s TO %s%s',
                        grant_.privilege_type,
                        CASE WHEN grant_.column_name IS NULL THEN '' ELSE format(' (%I)', grant_.column_name) END,
                        {viewText},
                        CASE WHEN grant_.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_catalog.pg_get_userbyid(grant_.grantee)) END,
                        CASE WHEN grant_.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END);
                END LOOP;
            END
            $strata$;
            """;
    }
}
