using System.Text.Json;
using Npgsql;
using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands.Db;

/// <summary>Shortcuts for the db command tests: protected environments, JSON events and queries.</summary>
internal static class DbCli
{
    /// <summary>A CLI whose strata.json names <paramref name="db"/> as environment <paramref name="name"/> with extra settings.</summary>
    public static CliHarness WithEnvironment(TestDatabase db, string name, string extra)
    {
        var cli = new CliHarness();
        File.WriteAllText(
            Path.Combine(cli.WorkingDirectory, "strata.json"),
            $$"""{ "environments": { "{{name}}": { "database": "{{db.Url}}"{{extra}} } } }""");
        return cli;
    }

    public static string Write(CliHarness cli, string relativePath, string content)
    {
        var path = Path.Combine(cli.WorkingDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public static JsonElement Event(CliResult result, string name) =>
        result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Single(e => e.GetProperty("event").GetString() == name);

    public static async Task<T> ScalarAsync<T>(TestDatabase db, string sql)
    {
        await using var command = db.DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task ExecuteAsync(TestDatabase db, string sql)
    {
        await using var command = db.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Whether a database exists, asked from another database so the question itself holds no session in it.</summary>
    public static async Task<bool> ExistsAsync(TestDatabase observer, string name)
    {
        await using var command = observer.DataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)");
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
