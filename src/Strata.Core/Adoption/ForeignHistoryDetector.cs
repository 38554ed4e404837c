using Npgsql;
using Strata.Core.Data;

namespace Strata.Core.Adoption;

/// <summary>
/// Finds other migration tools' history tables by their shape in the catalog: a table's name alone is not enough
/// (an application may own a table called <c>schema_migrations</c>), so each tool is recognised by its columns.
/// </summary>
internal static class ForeignHistoryDetector
{
    // One round trip: every ordinary or partitioned table whose name a tool uses, or that has Flyway's columns
    // (Flyway's table name is configurable), with its column names.
    private const string Query = """
        SELECT n.nspname, c.relname, array_agg(a.attname::text ORDER BY a.attnum), array_agg(format_type(a.atttypid, a.atttypmod) ORDER BY a.attnum)
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        WHERE c.relkind IN ('r', 'p')
          AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp_)'
          AND NOT (n.nspname = $1 AND c.relname = ANY($2)) AND NOT (n.nspname = ANY($3))
          AND (c.relname IN ('schema_migrations', 'ar_internal_metadata', 'alembic_version', '__EFMigrationsHistory', 'changes',
                             'databasechangelog', 'pgmigrations', 'knex_migrations', '_prisma_migrations')
               OR EXISTS (SELECT FROM pg_attribute f WHERE f.attrelid = c.oid AND f.attname = 'installed_rank' AND NOT f.attisdropped))
        GROUP BY n.nspname, c.relname
        ORDER BY n.nspname, c.relname
        """;

    /// <summary>
    /// Every other tool's history table, those of them in use, and those of these that record only a baseline. A table is
    /// in use when it holds rows, or for dbmate, golang-migrate and Flyway rows that record a version or a state adopt
    /// refuses (an empty table records nothing applied, nor does a Flyway table holding only repeatable migrations).
    /// </summary>
    public static async Task<ForeignHistories> DetectWithRowsAsync(NpgsqlConnection connection, GuardScope scope, CancellationToken cancellationToken)
    {
        var detected = await DetectAsync(connection, scope, cancellationToken);
        var (inUse, baselines) = (new List<ForeignHistoryTable>(), new List<ForeignHistoryTable>());
        foreach (var table in detected)
        {
            if (!table.MapsVersions)
            {
                if (await ForeignHistoryReader.HoldsRowsAsync(connection, table, cancellationToken))
                {
                    inUse.Add(table);
                }

                continue;
            }

            var history = await ForeignHistoryReader.ReadAsync(connection, table, cancellationToken);
            if (history.RecordsAny)
            {
                inUse.Add(table);
            }

            if (history.OnlyBaseline)
            {
                baselines.Add(table);
            }
        }

        return new ForeignHistories(detected, inUse, baselines);
    }

    /// <summary>Every other tool's history table, in use or not.</summary>
    public static async Task<IReadOnlyList<ForeignHistoryTable>> DetectAsync(NpgsqlConnection connection, GuardScope scope, CancellationToken cancellationToken)
    {
        var candidates = new List<Candidate>();
        await using (var command = new BoundSql(Query, scope.Ours.Schema, scope.OurTables, scope.IgnoredSchemas).ToCommand(connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var names = reader.GetFieldValue<string[]>(2);
                var types = reader.GetFieldValue<string[]>(3);
                candidates.Add(new Candidate(reader.GetString(0), reader.GetString(1), names.Zip(types).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)));
            }
        }

        var found = new List<ForeignHistoryTable>();
        foreach (var candidate in candidates)
        {
            var railsMetadata = candidates.Any(c => c.Schema == candidate.Schema && c.Name == "ar_internal_metadata" && c.Has("key", "value"));
            if (Classify(candidate, railsMetadata) is { } tool)
            {
                found.Add(new ForeignHistoryTable(tool, candidate.Schema, candidate.Name));
            }
        }

        return found;
    }

    private static MigrationTool? Classify(Candidate table, bool railsMetadata) => table.Name switch
    {
        "schema_migrations" when table.Columns.Count == 2 && table.Has("version", "dirty") && table.Columns["dirty"] == "boolean" => MigrationTool.GolangMigrate,
        "schema_migrations" when table.Columns.Count == 1 && table.Has("version") => railsMetadata ? MigrationTool.Rails : MigrationTool.Dbmate,
        "alembic_version" when table.Has("version_num") && table.Columns.Count == 1 => MigrationTool.Alembic,
        "__EFMigrationsHistory" when table.Has("MigrationId", "ProductVersion") => MigrationTool.EfCore,
        "changes" when table.Has("change_id", "change", "project", "committed_at") => MigrationTool.Sqitch,
        "databasechangelog" when table.Has("id", "author", "filename", "dateexecuted", "orderexecuted", "md5sum") => MigrationTool.Liquibase,
        "pgmigrations" when table.Has("id", "name", "run_on") => MigrationTool.NodePgMigrate,
        "knex_migrations" when table.Has("id", "name", "batch", "migration_time") => MigrationTool.Knex,
        "_prisma_migrations" when table.Has("id", "checksum", "finished_at", "migration_name", "rolled_back_at", "started_at", "applied_steps_count") => MigrationTool.Prisma,
        _ when table.Has("installed_rank", "version", "description", "type", "script", "checksum", "installed_by", "installed_on", "execution_time", "success") => MigrationTool.Flyway,
        _ => null,
    };

    private sealed record Candidate(string Schema, string Name, Dictionary<string, string> Columns)
    {
        public bool Has(params string[] names) => names.All(Columns.ContainsKey);
    }
}
