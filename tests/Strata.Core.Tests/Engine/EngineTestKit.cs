using Strata.Core.Configuration;
using Strata.Testing;

namespace Strata.Core.Tests.Engine;

/// <summary>Shortcuts for engine tests: a migrator with fast test settings, and queries against the test database.</summary>
internal static class EngineTestKit
{
    /// <summary>Options with test-sized waits; lock retries do not sleep.</summary>
    public static MigratorOptions FastOptions { get; } = new()
    {
        LockTimeout = TimeSpan.FromSeconds(2),
        AdvisoryLockPollInterval = TimeSpan.FromMilliseconds(20),
        AdvisoryLockWait = TimeSpan.FromSeconds(60),
        LockRetryDelay = (_, _) => Task.CompletedTask,
    };

    public static Migrator Migrator(this TestDatabase db, TestMigrationSource source, MigratorOptions? options = null, TestLogger? logger = null) =>
        new(db.DataSource, source, options ?? FastOptions, logger);

    public static async Task<T?> ScalarAsync<T>(this TestDatabase db, string sql)
    {
        await using var command = db.DataSource.CreateCommand(sql);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default : (T)value;
    }

    public static async Task ExecuteAsync(this TestDatabase db, string sql)
    {
        await using var command = db.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<bool> TableExistsAsync(this TestDatabase db, string name) =>
        await db.ScalarAsync<bool>($"SELECT to_regclass('{name}') IS NOT NULL");

    /// <summary>The versions in the default history table, oldest first.</summary>
    public static async Task<IReadOnlyList<string>> HistoryVersionsAsync(this TestDatabase db, string status = "applied")
    {
        if (!await db.TableExistsAsync("public.strata_schema_migrations"))
        {
            return [];
        }

        await using var command = db.DataSource.CreateCommand(
            $"SELECT version FROM public.strata_schema_migrations WHERE status = '{status}' ORDER BY length(version), version");
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<string>();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetString(0));
        }

        return versions;
    }
}
