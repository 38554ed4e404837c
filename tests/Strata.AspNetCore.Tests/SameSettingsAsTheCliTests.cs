using System.Diagnostics;
using System.Reflection;
using Npgsql;
using Strata.AspNetCore.Tests.Support;
using Strata.Testing;

namespace Strata.AspNetCore.Tests;

/// <summary>One strata.json, read by the `strata` process and by the web host: both must use the same history table.</summary>
public sealed class SameSettingsAsTheCliTests
{
    private const string StrataJson = """
        {
          "defaultEnvironment": "app",
          "migrationsDir": "migrations",
          "historyTable": "top_level_history",
          "environments": { "app": { "database": { "fromEnvironment": "APP_DATABASE_URL" }, "historyTable": "ops.app_history" } }
        }
        """;

    [Fact]
    public async Task The_cli_and_the_web_host_honour_the_same_custom_history_table()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var project = MigrationFiles.Write(("1_notes.sql", MigrationFiles.CreateNotes));
        File.WriteAllText(project.Combine("strata.json"), StrataJson);
        var environment = new Dictionary<string, string> { ["APP_DATABASE_URL"] = db.Url };

        var cliUp = await RunStrataAsync(project.Path, environment, "up");
        File.WriteAllText(Path.Combine(project.Combine("migrations"), "2_author.sql"), MigrationFiles.AddAuthor);
        await using (var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["APP_DATABASE_URL"] = db.Url,
            ["Strata:MigrateOnStart"] = "true",
            ["Strata:WorkingDirectory"] = project.Path,
        }))
        {
            host.Logs.Entries.ShouldContain(e => e.EventId == 1603
                && e.Message.Contains("history_table=ops.app_history (historyTable of environment 'app' in ./strata.json)", StringComparison.Ordinal));
        }

        var cliConfig = await RunStrataAsync(project.Path, environment, "config");

        cliUp.ExitCode.ShouldBe(0, cliUp.Output);
        cliConfig.Output.ShouldMatch(@"history_table\s+ops\.app_history\s+historyTable of environment 'app' in \./strata\.json");
        (await VersionsAsync(db.DataSource, "ops.app_history")).ShouldBe(["1", "2"]);
        (await TableExistsAsync(db.DataSource, "public.strata_schema_migrations")).ShouldBeFalse();
        (await TableExistsAsync(db.DataSource, "public.top_level_history")).ShouldBeFalse();
    }

    [Fact]
    public async Task STRATA_HISTORY_TABLE_beats_strata_json_for_the_web_host_as_for_the_cli()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var project = MigrationFiles.Write(("1_notes.sql", MigrationFiles.CreateNotes));
        File.WriteAllText(project.Combine("strata.json"), StrataJson);

        await using (var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["APP_DATABASE_URL"] = db.Url,
            ["STRATA_HISTORY_TABLE"] = "deploy_history",
            ["Strata:MigrateOnStart"] = "true",
            ["Strata:WorkingDirectory"] = project.Path,
        }))
        {
        }

        var cliStatus = await RunStrataAsync(
            project.Path, new Dictionary<string, string> { ["APP_DATABASE_URL"] = db.Url, ["STRATA_HISTORY_TABLE"] = "deploy_history" }, "status");

        (await VersionsAsync(db.DataSource, "public.deploy_history")).ShouldBe(["1"]);
        cliStatus.ExitCode.ShouldBe(0, cliStatus.Output);
        // The CLI reads the row the web host wrote: it looks in the same table.
        cliStatus.Output.ShouldContain("current version 1, 0 pending");
        (await TableExistsAsync(db.DataSource, "ops.app_history")).ShouldBeFalse();
    }

    private static string CliAssembly => Path.GetFullPath(typeof(SameSettingsAsTheCliTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "StrataCliAssembly").Value!);

    private static async Task<List<string>> VersionsAsync(NpgsqlDataSource dataSource, string table)
    {
        await using var command = dataSource.CreateCommand($"SELECT version FROM {table} ORDER BY version");
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<string>();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetString(0));
        }

        return versions;
    }

    private static async Task<bool> TableExistsAsync(NpgsqlDataSource dataSource, string table)
    {
        await using var command = dataSource.CreateCommand("SELECT to_regclass($1) IS NOT NULL");
        command.Parameters.AddWithValue(table);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<(int ExitCode, string Output)> RunStrataAsync(
        string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(CliAssembly);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Only what the test gives, plus what dotnet itself needs: the machine's DATABASE_URL must not steer it.
        info.Environment.Clear();
        foreach (var name in new[] { "PATH", "HOME", "DOTNET_ROOT" })
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                info.Environment[name] = value;
            }
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
