using Npgsql;
using Strata.Core;
using Strata.Core.Configuration;
using Strata.Core.Execution;
using Strata.Core.Generators;
using Strata.Core.Migrations;
using Strata.Core.Planning;
using Strata.Lint.Tests.Support;
using Strata.Testing;

namespace Strata.Lint.Tests.Generators;

/// <summary>A generated expand/contract sequence written to a temporary migrations directory, with the engine to apply it.</summary>
internal sealed class GeneratedSequence : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly MigratorOptions Fast = new()
    {
        LockTimeout = TimeSpan.FromSeconds(5),
        AdvisoryLockPollInterval = TimeSpan.FromMilliseconds(20),
        LockRetryDelay = (_, _) => Task.CompletedTask,
    };

    private readonly TempDirectory _directory = new();

    private readonly List<string> _generated = [];

    private GeneratedSequence(GeneratorRequest request, string? columnType, string baseSchema)
    {
        // The table the operation works on exists before it, created by an earlier migration.
        _directory.Write("1_base.sql", $"-- migrate:up\n{baseSchema}\n-- migrate:down\nSELECT 1;\n");
        foreach (var file in StepRenderer.Render(MigrationGenerator.Generate(request, columnType), Now))
        {
            _generated.Add(_directory.Write(file.FileName, file.Content));
        }

        Migrations = [.. _generated.Select(f => MigrationParser.Parse(f, File.ReadAllText(f)))];
    }

    public IReadOnlyList<Migration> Migrations { get; }

    /// <summary>File names without their version: the description, in the order <c>up</c> applies them.</summary>
    public IReadOnlyList<string> Descriptions => [.. Migrations.Select(m => m.Description)];

    public IReadOnlyList<MigrationPhase> Phases => [.. Migrations.Select(m => m.Phase)];

    public IReadOnlyList<bool> Transactional => [.. Migrations.Select(m => m.Up.Options.Transaction)];

    public static GeneratedSequence Write(string baseSchema, GeneratorOperation operation, string[] arguments, string? columnType = null) =>
        new(new GeneratorRequest(operation, arguments), columnType, baseSchema);

    /// <summary>Applies the migration that creates the table, and nothing else.</summary>
    public Task<MigrationRunResult> ApplyBaseAsync(TestDatabase db) => Migrator(db).UpAsync(MigrationTarget.Steps(1));

    /// <summary>The findings of at least warning severity of the real linter over the directory, as "rule: message".</summary>
    public async Task<IReadOnlyList<string>> LintErrorsAsync()
    {
        var result = await new MigrationLinter().LintPathsAsync(_generated, default);
        return [.. result.Findings.Where(f => f.Severity == LintSeverity.Error).Select(f => $"{f.Rule}: {f.Message}")];
    }

    public Task<MigrationRunResult> UpAsync(TestDatabase db, MigrationPhase? phase = null) =>
        Migrator(db).UpAsync(MigrationTarget.All.InPhase(phase));

    public Task<MigrationRunResult> UpStepsAsync(TestDatabase db, int steps) => Migrator(db).UpAsync(MigrationTarget.Steps(steps));

    /// <summary>Rolls back every generated migration, leaving the table as it was.</summary>
    public Task<MigrationRunResult> DownAllAsync(TestDatabase db) => Migrator(db).DownAsync(MigrationTarget.To(MigrationVersion.Parse("1")));

    public void Dispose() => _directory.Dispose();

    private Migrator Migrator(TestDatabase db) => new(db.DataSource, new DirectoryMigrationSource(_directory.Path), Fast);
}

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
