using Strata.Core.Data;

namespace Strata.Core.History;

/// <summary>
/// Strata's bookkeeping tables (the history table and the backfill-progress table beside it) are written by Strata
/// alone. A table the migration role creates gets whatever its default privileges give (ALTER DEFAULT PRIVILEGES ...
/// GRANT INSERT, UPDATE, DELETE ON TABLES TO an application role, the usual set-up), so once one of these is created
/// the write privileges of every role but its owner are taken back. Reading stays as granted: an application's
/// readiness check reads the history table.
/// </summary>
internal static class OwnerOnlyWrites
{
    /// <summary>
    /// Revokes every role's but the owner's INSERT, UPDATE, DELETE and TRUNCATE on <paramref name="quotedTable"/>. No
    /// semicolon ends a line of it, so a runner that cuts a script at line-ending semicolons keeps it whole.
    /// </summary>
    public static string Statement(string quotedTable) => $$"""
        DO $strata$ DECLARE grantee text; BEGIN
            FOR grantee IN
                SELECT DISTINCT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END
                FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a
                WHERE c.oid = {{SqlText.Literal(quotedTable)}}::regclass AND a.grantee <> c.relowner
                  AND a.privilege_type IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE')
            LOOP EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON %s FROM %s', {{SqlText.Literal(quotedTable)}}::regclass, grantee); END LOOP; END
        $strata$
        """;
}
