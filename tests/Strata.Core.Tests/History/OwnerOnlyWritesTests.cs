using Strata.Core.Tests.Engine;
using Strata.Testing;

namespace Strata.Core.Tests.History;

public sealed class OwnerOnlyWritesTests
{
    [Fact]
    public async Task Roles_default_privileges_let_write_every_table_may_only_read_strata_s_own()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var app = "strata_app_" + db.Name;
        await db.ExecuteAsync(
            $"CREATE ROLE \"{app}\"; ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO \"{app}\", PUBLIC;");
        try
        {
            await db.Migrator(new TestMigrationSource()
                .Add("1_t.sql", "-- migrate:up\nCREATE TABLE t (id int PRIMARY KEY, v int);\nINSERT INTO t SELECT g, 0 FROM generate_series(1, 10) g;\n")
                .Add("2_fill.sql", "-- migrate:up transaction:false\n-- strata:batch size=3\nUPDATE t SET v = 1;\n")).UpAsync();

            const string Privileges = """
                SELECT string_agg(t || ':' || p || '=' || has_table_privilege($1, t, p), ' ' ORDER BY t, p)
                FROM unnest(ARRAY['t', 'strata_schema_migrations', 'strata_schema_migrations_backfill']) AS t,
                     unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) AS p
                """;
            await using var command = db.DataSource.CreateCommand(Privileges);
            command.Parameters.AddWithValue(app);
            (await command.ExecuteScalarAsync()).ShouldBe(
                "strata_schema_migrations:DELETE=false strata_schema_migrations:INSERT=false strata_schema_migrations:SELECT=true " +
                "strata_schema_migrations:TRUNCATE=false strata_schema_migrations:UPDATE=false " +
                "strata_schema_migrations_backfill:DELETE=false strata_schema_migrations_backfill:INSERT=false " +
                "strata_schema_migrations_backfill:SELECT=true strata_schema_migrations_backfill:TRUNCATE=false " +
                "strata_schema_migrations_backfill:UPDATE=false " +
                "t:DELETE=true t:INSERT=true t:SELECT=true t:TRUNCATE=true t:UPDATE=true");
        }
        finally
        {
            await db.ExecuteAsync($"DROP OWNED BY \"{app}\"; DROP ROLE \"{app}\"");
        }
    }
}
