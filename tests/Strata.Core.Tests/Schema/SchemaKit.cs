using System.Diagnostics;
using Npgsql;
using Strata.Core.Lifecycle;
using Strata.Core.Schema;
using Strata.Testing;

namespace Strata.Core.Tests.Schema;

/// <summary>Databases built from SQL files, cloned from templates, read with the schema model and dumped with pg_dump.</summary>
internal static class SchemaKit
{
    private static readonly SemaphoreSlim CloneGate = new(1, 1);

    public static string SqlFile(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schema", "Sql", name));

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<SchemaSnapshot> SnapshotAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return await SchemaReader.ReadAsync(connection, CancellationToken.None);
    }

    /// <summary>Creates database <paramref name="name"/> as a copy of <paramref name="template"/>, which nobody may be connected to.</summary>
    public static async Task<string> CloneAsync(TestServer server, string template, string name)
    {
        await CloneGate.WaitAsync();
        try
        {
            await ExecuteAsync(Admin(server), $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        }
        finally
        {
            CloneGate.Release();
        }

        return Unpooled(server, name);
    }

    public static async Task DropAsync(TestServer server, string name) =>
        await ExecuteAsync(Admin(server), $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");

    /// <summary>A connection string that leaves no idle connection behind, so the database can serve as a template.</summary>
    public static string Unpooled(TestServer server, string database) =>
        new NpgsqlConnectionStringBuilder(server.ConnectionStringFor(database)) { Pooling = false }.ConnectionString;

    /// <summary>The database's <c>pg_dump --schema-only --no-owner --no-privileges</c>, with its varying lines removed.</summary>
    public static async Task<string> DumpAsync(string connectionString) =>
        DumpText.Normalize(await RunAsync("pg_dump", connectionString, null, "--schema-only", "--no-owner", "--no-privileges"));

    /// <summary>Runs a script with psql, which (unlike a driver) knows where SQL-standard function bodies end.</summary>
    public static Task LoadAsync(string connectionString, string sql) =>
        RunAsync("psql", connectionString, sql, "-X", "-q", "-o", "/dev/null", "-c", "SET client_min_messages = warning", "-v", "ON_ERROR_STOP=1", "-f", "-");

    private static async Task<string> RunAsync(string program, string connectionString, string? input, params string[] arguments)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? string.Empty, StringComparer.Ordinal);
        var found = await ClientPrograms.FindAsync(program, await ServerMajorAsync(connectionString), false, environment, CancellationToken.None);
        var start = new ProcessStartInfo(found.Path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var port = settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var argument in arguments.Concat(["-h", settings.Host!, "-p", port, "-U", settings.Username!, "-d", settings.Database!]))
        {
            start.ArgumentList.Add(argument);
        }

        if (!string.IsNullOrEmpty(settings.Password))
        {
            start.Environment["PGPASSWORD"] = settings.Password;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed: {await error}");
        }

        return await output;
    }

    private static int? _serverMajor;

    private static async Task<int> ServerMajorAsync(string connectionString)
    {
        if (_serverMajor is { } known)
        {
            return known;
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        _serverMajor = connection.PostgreSqlVersion.Major;
        return _serverMajor.Value;
    }

    private static string Admin(TestServer server) => Unpooled(server, "postgres");
}
