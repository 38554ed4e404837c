using System.Text.Json;
using Npgsql;
using Strata.Testing;

namespace Strata.Scenarios.Support;

/// <summary>
/// One scenario's world: a fresh database, a project directory with <c>db/migrations</c>, and a <c>strata.json</c>
/// naming the database twice, as environment <c>scenario</c> and as the protected environment <c>guarded</c>. Every
/// front door reads the same file, so they all see the same configuration.
/// </summary>
public sealed class Scene : IAsyncDisposable
{
    public const string Environment = "scenario";
    public const string ProtectedEnvironment = "guarded";

    private Scene(TestDatabase database, TestDirectory directory, string historyTable)
    {
        Database = database;
        Directory = directory;
        HistoryTable = historyTable;
    }

    public TestDatabase Database { get; }

    public TestDirectory Directory { get; }

    public string ProjectDirectory => Directory.Path;

    /// <summary>The history table <c>strata.json</c> names.</summary>
    public string HistoryTable { get; }

    public string MigrationsDirectory => Directory.Combine(Path.Combine("db", "migrations"));

    public static Task<Scene> CreateAsync(params (string Name, string Sql)[] migrations) =>
        CreateAsync("public.strata_schema_migrations", migrations);

    public static async Task<Scene> CreateAsync(string historyTable, params (string Name, string Sql)[] migrations)
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        var scene = new Scene(database, TestDirectory.Create(), historyTable);
        System.IO.Directory.CreateDirectory(scene.MigrationsDirectory);
        var url = JsonSerializer.Serialize(database.Url);
        File.WriteAllText(scene.Directory.Combine("strata.json"), $$"""
            {
              "migrationsDir": "db/migrations",
              "historyTable": {{JsonSerializer.Serialize(historyTable)}},
              "environments": {
                "{{Environment}}": { "database": {{url}} },
                "{{ProtectedEnvironment}}": { "database": {{url}}, "protected": true }
              }
            }
            """);
        foreach (var (name, sql) in migrations)
        {
            scene.Write(name, sql);
        }

        return scene;
    }

    public void Write(string name, string sql) => File.WriteAllText(Path.Combine(MigrationsDirectory, name), sql);

    /// <summary>The history rows, oldest version first: the version, with <c>:running</c> or <c>:reverting</c> unless applied.</summary>
    public async Task<List<string>> HistoryAsync()
    {
        if (!await ExistsAsync(HistoryTable))
        {
            return [];
        }

        await using var command = Database.DataSource.CreateCommand(
            $"SELECT version || CASE WHEN status = 'applied' THEN '' ELSE ':' || status END FROM {HistoryTable} ORDER BY version::numeric");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    /// <summary>Whether a table exists, asked of the catalog.</summary>
    public async Task<bool> ExistsAsync(string table)
    {
        await using var command = Database.DataSource.CreateCommand("SELECT to_regclass(@name) IS NOT NULL");
        command.Parameters.Add(new NpgsqlParameter("name", table));
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = Database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = Database.DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        Directory.Dispose();
    }
}
