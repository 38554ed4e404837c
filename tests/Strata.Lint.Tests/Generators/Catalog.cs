using Npgsql;
using Strata.Testing;

namespace Strata.Lint.Tests.Generators;

/// <summary>Queries the tests judge the generated migrations by: the catalogs, and the application's reads and writes.</summary>
internal static class Catalog
{
    // Every user-visible object of the public schema except the history table, one line each, sorted.
    private const string ShapeSql = """
        SELECT coalesce(string_agg(line, E'\n' ORDER BY line), '') FROM (
          SELECT format('column %s.%s %s%s', c.relname, a.attname, format_type(a.atttypid, a.atttypmod), CASE WHEN a.attnotnull THEN ' not null' ELSE '' END) AS line
          FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
          WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'v') AND a.attnum > 0 AND NOT a.attisdropped AND c.relname NOT LIKE 'strata%'
          UNION ALL
          SELECT format('relation %s %s', relname, relkind) FROM pg_class
          WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'v', 'i') AND relname NOT LIKE 'strata%'
          UNION ALL
          SELECT format('constraint %s %s validated=%s', con.conname, con.contype, con.convalidated) FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
          WHERE c.relnamespace = 'public'::regnamespace AND c.relname NOT LIKE 'strata%'
          UNION ALL
          SELECT format('index %s valid=%s', c.relname, i.indisvalid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
          WHERE c.relnamespace = 'public'::regnamespace AND c.relname NOT LIKE 'strata%'
          UNION ALL
          SELECT format('trigger %s', tgname) FROM pg_trigger WHERE NOT tgisinternal
          UNION ALL
          SELECT format('function %s', proname) FROM pg_proc WHERE pronamespace = 'public'::regnamespace
        ) shape
        """;

    public static Task<string> ShapeAsync(this TestDatabase db) => db.ScalarAsync<string>(ShapeSql)!;

    public static async Task<T> ScalarAsync<T>(this TestDatabase db, string sql)
    {
        await using var command = db.DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task ExecuteAsync(this TestDatabase db, string sql)
    {
        await using var command = db.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The SQLSTATE <paramref name="sql"/> fails with.</summary>
    public static async Task<string> FailsWithAsync(this TestDatabase db, string sql) =>
        (await Should.ThrowAsync<PostgresException>(() => db.ExecuteAsync(sql))).SqlState;

    public static Task<bool> ColumnExistsAsync(this TestDatabase db, string table, string column) =>
        db.ScalarAsync<bool>($"SELECT EXISTS (SELECT FROM pg_attribute WHERE attrelid = to_regclass('{table}') AND attname = '{column}' AND NOT attisdropped)");

    public static Task<string> ColumnTypeAsync(this TestDatabase db, string table, string column) =>
        db.ScalarAsync<string>($"SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '{table}'::regclass AND attname = '{column}' AND NOT attisdropped");

    public static Task<bool> TriggerExistsAsync(this TestDatabase db, string name) =>
        db.ScalarAsync<bool>($"SELECT EXISTS (SELECT FROM pg_trigger WHERE tgname = '{name}' AND NOT tgisinternal)");

    public static Task<bool> FunctionExistsAsync(this TestDatabase db, string name) =>
        db.ScalarAsync<bool>($"SELECT EXISTS (SELECT FROM pg_proc WHERE proname = '{name}')");

    /// <summary><c>pg_constraint.convalidated</c> of the named constraint, or null when there is none.</summary>
    public static async Task<bool?> ConstraintValidatedAsync(this TestDatabase db, string name)
    {
        await using var command = db.DataSource.CreateCommand($"SELECT convalidated FROM pg_constraint WHERE conname = '{name}'");
        return await command.ExecuteScalarAsync() as bool?;
    }

    /// <summary><c>pg_index.indisvalid</c> of the named index, or null when there is none.</summary>
    public static async Task<bool?> IndexValidAsync(this TestDatabase db, string name)
    {
        await using var command = db.DataSource.CreateCommand($"SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = '{name}'");
        return await command.ExecuteScalarAsync() as bool?;
    }
}
