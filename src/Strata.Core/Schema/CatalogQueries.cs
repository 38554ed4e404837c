namespace Strata.Core.Schema;

/// <summary>
/// The set-based catalog queries the schema model is read with: one per family of objects, each returning rows of
/// (kind, qualified name, owning object, attributes as alternating name/value pairs). Every value is PostgreSQL's own
/// rendering (<c>pg_get_*def</c>, <c>format_type</c>, <c>pg_get_expr</c>), read with an empty search_path so names
/// come out schema-qualified; no OID, relfilenode or statistic is ever returned. Objects in system schemas and
/// objects that belong to an extension are left out, as pg_dump leaves them out.
/// </summary>
internal static class CatalogQueries
{
    private const string UserSchema =
        "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'";

    // The user's relations with their qualified names, shared by the queries of what lives on a relation.
    private const string Relations = $"""
        WITH rels AS (
            SELECT c.oid, c.relkind, c.relispartition, quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S') AND {UserSchema}
              AND NOT EXISTS (SELECT 1 FROM pg_depend d
                              WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'))
        """;

    // Triggers, event triggers and rules share one encoding of when they fire under session_replication_role.
    private const string FiringModes = "WHEN 'O' THEN 'origin' WHEN 'D' THEN 'disabled' WHEN 'R' THEN 'replica' ELSE 'always'";

    /// <summary>Makes the session's rendering of names independent of the caller's search_path, and reads one consistent snapshot.</summary>
    public const string Prepare = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; SET LOCAL search_path = ''";

    public const string Schemas = $"""
        SELECT 'schema', quote_ident(n.nspname), NULL::text,
               ARRAY['comment', obj_description(n.oid, 'pg_namespace')]
        FROM pg_namespace n
        WHERE {UserSchema}
          AND NOT EXISTS (SELECT 1 FROM pg_depend d
                          WHERE d.classid = 'pg_namespace'::regclass AND d.objid = n.oid AND d.deptype = 'e')
        """;

    public const string Extensions = """
        SELECT 'extension', quote_ident(e.extname), NULL::text,
               ARRAY['version', e.extversion,
                     'schema', quote_ident(n.nspname),
                     'comment', obj_description(e.oid, 'pg_extension')]
        FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
        """;

    public static readonly string RelationsQuery = Relations + $"""

        SELECT CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'table' WHEN 'f' THEN 'foreign table'
                              WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' ELSE 'sequence' END,
               r.name, NULL::text,
               ARRAY['persistence', CASE WHEN c.relkind <> 'v' THEN CASE c.relpersistence WHEN 'u' THEN 'unlogged' ELSE 'logged' END END,
                     'partitioned by', CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,
                     'partition of', CASE WHEN c.relispartition THEN
                         (SELECT quote_ident(pn.nspname) || '.' || quote_ident(pc.relname)
                          FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = pc.relnamespace
                          WHERE i.inhrelid = c.oid) END,
                     'partition bound', CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END,
                     'inherits', CASE WHEN NOT c.relispartition THEN
                         (SELECT string_agg(quote_ident(pn.nspname) || '.' || quote_ident(pc.relname), ', ' ORDER BY i.inhseqno)
                          FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = pc.relnamespace
                          WHERE i.inhrelid = c.oid) END,
                     'row security', CASE WHEN c.relkind IN ('r', 'p') THEN c.relrowsecurity::text END,
                     'force row security', CASE WHEN c.relkind IN ('r', 'p') THEN c.relforcerowsecurity::text END,
                     'options', NULLIF(array_to_string(ARRAY(SELECT o FROM unnest(c.reloptions) o ORDER BY o), ', '), ''),
                     'toast options', (SELECT NULLIF(array_to_string(ARRAY(SELECT o FROM unnest(tc.reloptions) o ORDER BY o), ', '), '')
                                       FROM pg_class tc WHERE tc.oid = c.reltoastrelid),
                     'of type', CASE WHEN c.reloftype <> 0 THEN format_type(c.reloftype, NULL) END,
                     'replica identity', CASE WHEN c.relkind IN ('r', 'p') THEN
                         CASE c.relreplident WHEN 'd' THEN 'default' WHEN 'n' THEN 'nothing' WHEN 'f' THEN 'full' ELSE 'index' END END,
                     'access method', CASE WHEN c.relkind IN ('r', 'm') AND am.amname <> 'heap' THEN am.amname END,
                     'definition', CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END,
                     'depends on extensions', CASE WHEN c.relkind = 'm' THEN {DependsOnExtensions("pg_class", "c.oid")} END,
                     'server', (SELECT quote_ident(fs.srvname) FROM pg_foreign_table ft JOIN pg_foreign_server fs ON fs.oid = ft.ftserver
                                WHERE ft.ftrelid = c.oid),
                     'foreign options', (SELECT NULLIF(array_to_string(ARRAY(SELECT o FROM unnest(ft.ftoptions) o ORDER BY o), ', '), '')
                                         FROM pg_foreign_table ft WHERE ft.ftrelid = c.oid),
                     'type', CASE WHEN c.relkind = 'S' THEN format_type(s.seqtypid, NULL) END,
                     'start', s.seqstart::text,
                     'increment', s.seqincrement::text,
                     'minimum', s.seqmin::text,
                     'maximum', s.seqmax::text,
                     'cache', s.seqcache::text,
                     'cycle', s.seqcycle::text,
                     'owned by', CASE WHEN c.relkind = 'S' THEN
                         (SELECT quote_ident(tn.nspname) || '.' || quote_ident(t.relname) || '.' || quote_ident(a.attname)
                          FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid JOIN pg_namespace tn ON tn.oid = t.relnamespace
                          JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                          WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass
                            AND d.deptype IN ('a', 'i') AND d.refobjsubid > 0) END,
                     'comment', obj_description(c.oid, 'pg_class')]
        FROM rels r JOIN pg_class c ON c.oid = r.oid
        LEFT JOIN pg_sequence s ON s.seqrelid = c.oid
        LEFT JOIN pg_am am ON am.oid = c.relam
        """;

    // A position counts the columns pg_dump writes in the table's definition: a column an inheritance child only
    // inherits is left out of its CREATE TABLE, and a restore puts it where the parent's columns go, so its place
    // among the child's columns is not something the dump keeps (a partition's columns are all written).
    public const string Columns = Relations + $"""

        SELECT 'column', r.name || '.' || quote_ident(a.attname), r.name,
               ARRAY['position', CASE WHEN a.attislocal OR r.relispartition THEN
                         (row_number() OVER (PARTITION BY a.attrelid, a.attislocal OR r.relispartition ORDER BY a.attnum))::text END,
                     'type', format_type(a.atttypid, a.atttypmod),
                     'collation', CASE WHEN a.attcollation <> t.typcollation THEN quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END,
                     'not null', a.attnotnull::text,
                     'default', CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END,
                     'generated', CASE WHEN a.attgenerated = 's' THEN pg_get_expr(d.adbin, d.adrelid) END,
                     'identity', CASE a.attidentity WHEN 'a' THEN 'always' WHEN 'd' THEN 'by default' END,
                     'storage', CASE WHEN a.attstorage <> t.typstorage THEN
                         CASE a.attstorage WHEN 'p' THEN 'plain' WHEN 'e' THEN 'external' WHEN 'm' THEN 'main' ELSE 'extended' END END,
                     'compression', {Compression},
                     'statistics', CASE WHEN a.attstattarget >= 0 THEN a.attstattarget::text END,
                     'options', NULLIF(array_to_string(ARRAY(SELECT o FROM unnest(a.attoptions) o ORDER BY o), ', '), ''),
                     'foreign options', NULLIF(array_to_string(ARRAY(SELECT o FROM unnest(a.attfdwoptions) o ORDER BY o), ', '), ''),
                     'declared locally', CASE WHEN a.attinhcount > 0 AND a.attislocal AND NOT r.relispartition THEN 'true' END,
                     'comment', col_description(a.attrelid, a.attnum)]
        FROM pg_attribute a
        JOIN rels r ON r.oid = a.attrelid AND r.relkind <> 'S'
        JOIN pg_type t ON t.oid = a.atttypid
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        LEFT JOIN pg_collation co ON co.oid = a.attcollation
        LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
        WHERE a.attnum > 0 AND NOT a.attisdropped
        """;

    // A foreign key to a partitioned table has one catalog row per referenced partition, all with the same name on
    // the same table; only the first is the user's.
    public const string Constraints = $"""
        SELECT CASE WHEN con.contypid <> 0 THEN 'domain constraint' ELSE 'constraint' END,
               o.name || '.' || quote_ident(con.conname), o.name,
               ARRAY['type', CASE con.contype WHEN 'p' THEN 'primary key' WHEN 'u' THEN 'unique' WHEN 'f' THEN 'foreign key'
                                              WHEN 'c' THEN 'check' WHEN 'x' THEN 'exclusion' ELSE con.contype::text END,
                     'definition', pg_get_constraintdef(con.oid),
                     'deferrable', con.condeferrable::text,
                     'initially deferred', con.condeferred::text,
                     'validated', con.convalidated::text,
                     'references', CASE WHEN con.contype = 'f' THEN con.confrelid::regclass::text END,
                     'on update', CASE WHEN con.contype = 'f' THEN CASE con.confupdtype WHEN 'a' THEN 'no action' WHEN 'r' THEN 'restrict'
                                  WHEN 'c' THEN 'cascade' WHEN 'n' THEN 'set null' ELSE 'set default' END END,
                     'on delete', CASE WHEN con.contype = 'f' THEN CASE con.confdeltype WHEN 'a' THEN 'no action' WHEN 'r' THEN 'restrict'
                                  WHEN 'c' THEN 'cascade' WHEN 'n' THEN 'set null' ELSE 'set default' END END,
                     'match', CASE WHEN con.contype = 'f' THEN CASE con.confmatchtype WHEN 'f' THEN 'full' WHEN 'p' THEN 'partial' ELSE 'simple' END END,
                     'no inherit', CASE WHEN con.contype = 'c' THEN con.connoinherit::text END,
                     'declared locally', CASE WHEN con.coninhcount > 0 AND con.conislocal AND NOT c.relispartition THEN 'true' END,
                     'comment', obj_description(con.oid, 'pg_constraint')]
        FROM pg_constraint con
        LEFT JOIN pg_class c ON c.oid = con.conrelid
        LEFT JOIN pg_type ty ON ty.oid = con.contypid
        JOIN pg_namespace n ON n.oid = COALESCE(c.relnamespace, ty.typnamespace)
        CROSS JOIN LATERAL (SELECT quote_ident(n.nspname) || '.' || quote_ident(COALESCE(c.relname, ty.typname)) AS name) o
        WHERE con.contype <> 't' AND {UserSchema}
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.deptype = 'e'
                          AND ((d.classid = 'pg_class'::regclass AND d.objid = con.conrelid)
                            OR (d.classid = 'pg_type'::regclass AND d.objid = con.contypid)))
          AND NOT EXISTS (SELECT 1 FROM pg_constraint pcon WHERE pcon.oid = con.conparentid AND pcon.conrelid = con.conrelid)
        """;

    // An index left invalid by a failed CREATE INDEX CONCURRENTLY is left out, as pg_dump leaves it out; an index on a
    // partitioned table is invalid until every partition has one attached, and pg_dump writes it, so it stays.
    public static readonly string Indexes = Relations + $"""

        SELECT 'index', quote_ident(n.nspname) || '.' || quote_ident(ic.relname), r.name,
               ARRAY['definition', pg_get_indexdef(i.indexrelid),
                     'unique', i.indisunique::text,
                     'predicate', pg_get_expr(i.indpred, i.indrelid),
                     'valid', i.indisvalid::text,
                     'clustered', i.indisclustered::text,
                     'replica identity', i.indisreplident::text,
                     'column statistics', (SELECT string_agg(a.attnum || ' ' || a.attstattarget, ', ' ORDER BY a.attnum)
                                           FROM pg_attribute a WHERE a.attrelid = i.indexrelid AND a.attstattarget >= 0),
                     'partition of', (SELECT quote_ident(pn.nspname) || '.' || quote_ident(pc.relname)
                                      FROM pg_inherits h JOIN pg_class pc ON pc.oid = h.inhparent JOIN pg_namespace pn ON pn.oid = pc.relnamespace
                                      WHERE h.inhrelid = i.indexrelid),
                     'depends on extensions', {DependsOnExtensions("pg_class", "i.indexrelid")},
                     'comment', obj_description(i.indexrelid, 'pg_class')]
        FROM pg_index i
        JOIN rels r ON r.oid = i.indrelid
        JOIN pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_namespace n ON n.oid = ic.relnamespace
        WHERE i.indisvalid OR r.relkind = 'p'
        """;

    // A partition's copy of its parent's trigger follows from the parent's: pg_dump writes only its enabled state,
    // and that (with its comment) only when the state differs from the parent's. The copy is always read, with just
    // what the dump can show, so disabling it on one partition is a change to it rather than an object appearing.
    public static readonly string Triggers = Relations + $"""

        SELECT 'trigger', r.name || '.' || quote_ident(t.tgname), r.name,
               CASE WHEN p.oid IS NULL THEN
                   ARRAY['definition', pg_get_triggerdef(t.oid),
                         'enabled', CASE t.tgenabled {FiringModes} END,
                         'depends on extensions', {DependsOnExtensions("pg_trigger", "t.oid")},
                         'comment', obj_description(t.oid, 'pg_trigger')]
               ELSE
                   ARRAY['cloned from', (SELECT quote_ident(pn.nspname) || '.' || quote_ident(pc.relname) || '.' || quote_ident(p.tgname)
                                         FROM pg_class pc JOIN pg_namespace pn ON pn.oid = pc.relnamespace WHERE pc.oid = p.tgrelid),
                         'enabled', CASE t.tgenabled {FiringModes} END,
                         'comment', CASE WHEN t.tgenabled <> p.tgenabled THEN obj_description(t.oid, 'pg_trigger') END]
               END
        FROM pg_trigger t
        JOIN rels r ON r.oid = t.tgrelid
        LEFT JOIN pg_trigger p ON p.oid = t.tgparentid AND NOT p.tgisinternal
        WHERE (NOT t.tgisinternal AND t.tgparentid = 0) OR p.oid IS NOT NULL
        """;

    public const string EventTriggers = $"""
        SELECT 'event trigger', quote_ident(e.evtname), NULL::text,
               ARRAY['event', e.evtevent,
                     'tags', array_to_string(ARRAY(SELECT x FROM unnest(e.evttags) x ORDER BY x), ', '),
                     'function', e.evtfoid::regprocedure::text,
                     'enabled', CASE e.evtenabled {FiringModes} END,
                     'comment', obj_description(e.oid, 'pg_event_trigger')]
        FROM pg_event_trigger e
        WHERE NOT EXISTS (SELECT 1 FROM pg_depend d
                          WHERE d.classid = 'pg_event_trigger'::regclass AND d.objid = e.oid AND d.deptype = 'e')
        """;

    // A function PostgreSQL made as part of another object (a range type's constructors, its multirange's) depends on it
    // internally and comes and goes with it; pg_dump leaves it out too.
    public static readonly string Routines = $"""
        SELECT CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END,
               quote_ident(n.nspname) || '.' || quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid) || ')', NULL::text,
               ARRAY['definition', CASE WHEN p.prokind <> 'a' THEN pg_get_functiondef(p.oid) END,
                     'arguments', pg_get_function_arguments(p.oid),
                     'returns', CASE WHEN p.prokind <> 'p' THEN pg_get_function_result(p.oid) END,
                     'language', quote_ident(l.lanname),
                     'body', CASE WHEN p.prokind <> 'a' THEN p.prosrc END,
                     'volatility', CASE p.provolatile WHEN 'i' THEN 'immutable' WHEN 's' THEN 'stable' ELSE 'volatile' END,
                     'security', CASE WHEN p.prosecdef THEN 'definer' ELSE 'invoker' END,
                     'strict', p.proisstrict::text,
                     'leakproof', p.proleakproof::text,
                     'parallel', CASE p.proparallel WHEN 's' THEN 'safe' WHEN 'r' THEN 'restricted' ELSE 'unsafe' END,
                     'cost', p.procost::text,
                     'rows', CASE WHEN p.proretset THEN p.prorows::text END,
                     'settings', array_to_string(p.proconfig, ', '),
                     'window', CASE WHEN p.prokind = 'w' THEN 'true' END,
                     'transition function', a.aggtransfn::oid::regprocedure::text,
                     'state type', format_type(a.aggtranstype, NULL),
                     'final function', CASE WHEN a.aggfinalfn <> 0 THEN a.aggfinalfn::oid::regprocedure::text END,
                     'combine function', CASE WHEN a.aggcombinefn <> 0 THEN a.aggcombinefn::oid::regprocedure::text END,
                     'initial value', a.agginitval,
                     'sort operator', CASE WHEN a.aggsortop <> 0 THEN a.aggsortop::regoperator::text END,
                     'final extra', CASE WHEN a.aggfinalextra THEN 'true' END,
                     'hypothetical', CASE WHEN a.aggkind = 'h' THEN 'true' END,
                     'final modify', CASE WHEN a.aggfinalfn <> 0 AND a.aggfinalmodify <> CASE a.aggkind WHEN 'n' THEN 'r' ELSE 'w' END
                                          THEN {FinalModify} END,
                     'state space', NULLIF(a.aggtransspace, 0)::text,
                     'serial function', CASE WHEN a.aggserialfn <> 0 THEN a.aggserialfn::oid::regprocedure::text END,
                     'deserial function', CASE WHEN a.aggdeserialfn <> 0 THEN a.aggdeserialfn::oid::regprocedure::text END,
                     'moving transition function', CASE WHEN a.aggmtransfn <> 0 THEN a.aggmtransfn::oid::regprocedure::text END,
                     'moving inverse function', CASE WHEN a.aggminvtransfn <> 0 THEN a.aggminvtransfn::oid::regprocedure::text END,
                     'moving state type', CASE WHEN a.aggmtranstype <> 0 THEN format_type(a.aggmtranstype, NULL) END,
                     'moving state space', NULLIF(a.aggmtransspace, 0)::text,
                     'moving final function', CASE WHEN a.aggmfinalfn <> 0 THEN a.aggmfinalfn::oid::regprocedure::text END,
                     'moving final extra', CASE WHEN a.aggmfinalextra THEN 'true' END,
                     'moving final modify', CASE WHEN a.aggmfinalfn <> 0 AND a.aggmfinalmodify <> CASE a.aggkind WHEN 'n' THEN 'r' ELSE 'w' END
                                                 THEN {MovingFinalModify} END,
                     'moving initial value', a.aggminitval,
                     'depends on extensions', {DependsOnExtensions("pg_proc", "p.oid")},
                     'comment', obj_description(p.oid, 'pg_proc')]
        FROM pg_proc p
        JOIN pg_namespace n ON n.oid = p.pronamespace
        JOIN pg_language l ON l.oid = p.prolang
        LEFT JOIN pg_aggregate a ON a.aggfnoid = p.oid
        WHERE {UserSchema}
          AND NOT EXISTS (SELECT 1 FROM pg_depend d
                          WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype IN ('e', 'i'))
        """;

    public const string Types = $"""
        SELECT CASE t.typtype WHEN 'e' THEN 'enum' WHEN 'd' THEN 'domain' WHEN 'c' THEN 'composite type' ELSE 'range type' END,
               quote_ident(n.nspname) || '.' || quote_ident(t.typname), NULL::text,
               ARRAY['labels', CASE WHEN t.typtype = 'e' THEN
                         (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid) END,
                     'base type', CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END,
                     'default', CASE WHEN t.typtype = 'd' THEN pg_get_expr(t.typdefaultbin, 0) END,
                     'not null', CASE WHEN t.typtype = 'd' THEN t.typnotnull::text END,
                     'collation', CASE WHEN t.typtype = 'd' AND t.typcollation <> bt.typcollation
                                       THEN (SELECT quote_ident(cn.nspname) || '.' || quote_ident(co.collname)
                                             FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = t.typcollation)
                                       WHEN t.typtype = 'r' AND rg.rngcollation <> 0
                                       THEN (SELECT quote_ident(cn.nspname) || '.' || quote_ident(co.collname)
                                             FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = rg.rngcollation) END,
                     'attributes', CASE WHEN t.typtype = 'c' THEN
                         (SELECT string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)
                                 || CASE WHEN a.attcollation <> at.typcollation THEN ' COLLATE ' || quote_ident(cn.nspname) || '.' || quote_ident(co.collname) ELSE '' END,
                                 ', ' ORDER BY a.attnum)
                          FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid
                          LEFT JOIN pg_collation co ON co.oid = a.attcollation LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
                          WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) END,
                     'attribute comments', CASE WHEN t.typtype = 'c' THEN
                         (SELECT string_agg(quote_ident(a.attname) || ' ' || quote_literal(col_description(t.typrelid, a.attnum)), ', ' ORDER BY a.attnum)
                          FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) END,
                     'subtype', CASE WHEN t.typtype = 'r' THEN format_type(rg.rngsubtype, NULL) END,
                     'multirange', {Multirange},
                     'subtype operator class', (SELECT quote_ident(opn.nspname) || '.' || quote_ident(opc.opcname)
                                                FROM pg_opclass opc JOIN pg_namespace opn ON opn.oid = opc.opcnamespace WHERE opc.oid = rg.rngsubopc),
                     'canonical', CASE WHEN rg.rngcanonical <> 0 THEN rg.rngcanonical::oid::regprocedure::text END,
                     'subtype diff', CASE WHEN rg.rngsubdiff <> 0 THEN rg.rngsubdiff::oid::regprocedure::text END,
                     'comment', obj_description(t.oid, 'pg_type')]
        FROM pg_type t
        JOIN pg_namespace n ON n.oid = t.typnamespace
        LEFT JOIN pg_type bt ON bt.oid = t.typbasetype
        LEFT JOIN pg_range rg ON rg.rngtypid = t.oid
        WHERE (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c'))
          AND {UserSchema}
          AND NOT EXISTS (SELECT 1 FROM pg_depend d
                          WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
        """;

    public const string Policies = Relations + """

        SELECT 'policy', r.name || '.' || quote_ident(p.polname), r.name,
               ARRAY['command', CASE p.polcmd WHEN 'r' THEN 'select' WHEN 'a' THEN 'insert' WHEN 'w' THEN 'update' WHEN 'd' THEN 'delete' ELSE 'all' END,
                     'permissive', p.polpermissive::text,
                     'roles', (SELECT string_agg(x.role, ', ' ORDER BY x.role)
                               FROM (SELECT CASE WHEN u.id = 0 THEN 'public' ELSE quote_ident(ro.rolname) END AS role
                                     FROM unnest(p.polroles) u(id) LEFT JOIN pg_roles ro ON ro.oid = u.id) x),
                     'using', pg_get_expr(p.polqual, p.polrelid),
                     'with check', pg_get_expr(p.polwithcheck, p.polrelid),
                     'comment', obj_description(p.oid, 'pg_policy')]
        FROM pg_policy p
        JOIN rels r ON r.oid = p.polrelid
        """;

    public const string Rules = Relations + $"""

        SELECT 'rule', r.name || '.' || quote_ident(ru.rulename), r.name,
               ARRAY['definition', pg_get_ruledef(ru.oid),
                     'enabled', CASE ru.ev_enabled {FiringModes} END,
                     'comment', obj_description(ru.oid, 'pg_rewrite')]
        FROM pg_rewrite ru
        JOIN rels r ON r.oid = ru.ev_class
        WHERE ru.rulename <> '_RETURN'
        """;

    public const string Statistics = Relations + """

        SELECT 'statistics', quote_ident(n.nspname) || '.' || quote_ident(s.stxname), r.name,
               ARRAY['definition', pg_get_statisticsobjdef(s.oid),
                     'statistics', CASE WHEN s.stxstattarget >= 0 THEN s.stxstattarget::text END,
                     'comment', obj_description(s.oid, 'pg_statistic_ext')]
        FROM pg_statistic_ext s
        JOIN rels r ON r.oid = s.stxrelid
        JOIN pg_namespace n ON n.oid = s.stxnamespace
        """;

    // The locale column is named differently across server versions; reading the row as JSON works on all of them.
    public const string Collations = $"""
        SELECT 'collation', quote_ident(n.nspname) || '.' || quote_ident(co.collname), NULL::text,
               ARRAY['provider', CASE co.collprovider WHEN 'c' THEN 'libc' WHEN 'i' THEN 'icu' ELSE co.collprovider::text END,
                     'deterministic', co.collisdeterministic::text,
                     'collate', co.collcollate,
                     'ctype', co.collctype,
                     'locale', COALESCE(to_jsonb(co) ->> 'colllocale', to_jsonb(co) ->> 'colliculocale'),
                     'comment', obj_description(co.oid, 'pg_collation')]
        FROM pg_collation co
        JOIN pg_namespace n ON n.oid = co.collnamespace
        WHERE {UserSchema}
          AND NOT EXISTS (SELECT 1 FROM pg_depend d
                          WHERE d.classid = 'pg_collation'::regclass AND d.objid = co.oid AND d.deptype = 'e')
        """;

    private const string Compression = "CASE a.attcompression WHEN 'p' THEN 'pglz' WHEN 'l' THEN 'lz4' END";

    private const string Multirange = "CASE WHEN t.typtype = 'r' THEN format_type(rg.rngmultitypid, NULL) END";

    // How an aggregate's final functions treat the state: CREATE AGGREGATE's FINALFUNC_MODIFY and MFINALFUNC_MODIFY words.
    private const string FinalModify = "CASE a.aggfinalmodify WHEN 'r' THEN 'read_only' WHEN 's' THEN 'shareable' ELSE 'read_write' END";
    private const string MovingFinalModify = "CASE a.aggmfinalmodify WHEN 'r' THEN 'read_only' WHEN 's' THEN 'shareable' ELSE 'read_write' END";

    // ALTER ... DEPENDS ON EXTENSION (a function, procedure, index, trigger or materialized view is dropped with the
    // extension): pg_dump writes one statement per extension, so the model keeps their names, sorted.
    private static string DependsOnExtensions(string catalog, string oid) => $"""
        (SELECT string_agg(quote_ident(x.extname), ', ' ORDER BY x.extname)
         FROM pg_depend xd JOIN pg_extension x ON x.oid = xd.refobjid
         WHERE xd.classid = '{catalog}'::regclass AND xd.objid = {oid} AND xd.refclassid = 'pg_extension'::regclass AND xd.deptype = 'x')
        """;

    /// <summary>Every query for a server of <paramref name="serverMajor"/>, in the order they are sent.</summary>
    public static string[] For(int serverMajor) =>
    [
        Schemas, Extensions, RelationsQuery,
        // Column compression arrived in PostgreSQL 14.
        serverMajor >= 14 ? Columns : Columns.Replace(Compression, "NULL::text", StringComparison.Ordinal),
        Constraints, Indexes, Triggers, EventTriggers, Routines,
        // Multirange types arrived in PostgreSQL 14.
        serverMajor >= 14 ? Types : Types.Replace(Multirange, "NULL::text", StringComparison.Ordinal),
        Policies, Rules, Statistics, Collations,
    ];
}
