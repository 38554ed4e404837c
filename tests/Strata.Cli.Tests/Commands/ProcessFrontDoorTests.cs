using System.Diagnostics;
using Npgsql;
using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands;

/// <summary>The CLI as a pipeline runs it: real processes, signals, concurrency and crashes.</summary>
public sealed class ProcessFrontDoorTests
{
    [Fact]
    public async Task Eight_processes_started_together_apply_each_of_50_migrations_exactly_once()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(50);
        var environment = Environment(db);

        var runs = Enumerable.Range(0, 8).Select(_ => StrataProcess.RunAsync(files.Root, environment, "up", "--quiet"));
        var results = await Task.WhenAll(runs);

        foreach (var result in results)
        {
            result.ExitCode.ShouldBe(0, result.ToString());
        }

        var versions = await MigrationCommandTests.VersionsAsync(db);
        versions.Count.ShouldBe(50);
        versions.Distinct().Count().ShouldBe(50);
        (await MigrationCommandTests.TablesAsync(db)).Count(t => t.StartsWith('t')).ShouldBe(50);
    }

    [Fact]
    public async Task Kill_9_in_the_middle_of_a_migration_records_nothing_and_a_rerun_applies_it()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles();
        files.Add(1, "first", "-- migrate:up\nCREATE TABLE first (id int);\n");
        files.Add(2, "slow", "-- migrate:up\nCREATE TABLE slow (id int);\nSELECT pg_sleep(60);\n");
        var environment = Environment(db);

        using var process = Process.Start(StrataProcess.StartInfo(files.Root, environment, "up"))!;
        await WaitForQueryAsync(db, "pg_sleep(60)");
        process.Kill();
        await process.WaitForExitAsync();

        // The run asks the server to check for its client every second while a statement runs: the server notices the
        // dead client and rolls back, long before the statement would have ended.
        await WaitUntilAsync(async () => !await QueryRunningAsync(db, "pg_sleep(60)"), TimeSpan.FromSeconds(20));
        (await MigrationCommandTests.VersionsAsync(db)).ShouldBe(["1"]);
        (await MigrationCommandTests.TablesAsync(db)).ShouldNotContain("slow");

        files.Add(2, "slow", "-- migrate:up\nCREATE TABLE slow (id int);\nSELECT pg_sleep(0);\n");
        var rerun = await StrataProcess.RunAsync(files.Root, environment, "up", "--allow-edited");
        rerun.ExitCode.ShouldBe(0, rerun.ToString());
        (await MigrationCommandTests.VersionsAsync(db)).ShouldBe(["1", "2"]);
    }

    [Fact]
    public async Task Sigterm_cancels_the_running_statement_rolls_back_releases_the_lock_and_exits_130()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles();
        files.Add(1, "slow", "-- migrate:up\nCREATE TABLE slow (id int);\nSELECT pg_sleep(60);\n");
        var environment = Environment(db);

        var info = StrataProcess.StartInfo(files.Root, environment, "up");
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await WaitForQueryAsync(db, "pg_sleep(60)");
        Signal(process.Id, "TERM");
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        process.ExitCode.ShouldBe(130, await stderr);
        (await stderr).ShouldContain("cancelled");
        (await MigrationCommandTests.TablesAsync(db)).ShouldNotContain("slow");
        (await QueryRunningAsync(db, "pg_sleep(60)")).ShouldBeFalse("the statement was cancelled on the server, not abandoned");

        files.Add(1, "slow", "-- migrate:up\nCREATE TABLE slow (id int);\n");
        var rerun = await StrataProcess.RunAsync(files.Root, environment, "up", "--lock-wait", "0");
        rerun.ExitCode.ShouldBe(0, "the migration lock was released: " + rerun);
    }

    // Npgsql waits out the connect timeout for a server that accepted but never answers; the signal must not. SIGTERM
    // only: a test run started in the background (as CI starts it) passes SIGINT on ignored, and a process cannot take
    // back a signal ignored when it started; Ctrl-C goes through the same cancellation.
    [Theory]
    [InlineData("TERM")]
    public async Task A_signal_while_connecting_to_a_server_that_never_answers_exits_130_at_once(string signal)
    {
        await using var silent = NotPostgresServer.Silent();
        var environment = Environment($"postgres://app:x@127.0.0.1:{silent.Port}/x?connect_timeout=60");

        using var process = Process.Start(StrataProcess.StartInfo(TempDirectory.CreateForProcess(), environment, "status"))!;
        try
        {
            var stderr = process.StandardError.ReadToEndAsync();
            await WaitUntilAsync(() => Task.FromResult(silent.Greeted > 0), TimeSpan.FromSeconds(30));
            var signalled = Stopwatch.StartNew();
            Signal(process.Id, signal);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

            process.ExitCode.ShouldBe(130, await stderr);
            signalled.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10), "the connect timeout of 60 s was not waited out");
            Errors(await stderr).ShouldHaveSingleItem().ShouldStartWith("error: cancelled");
        }
        finally
        {
            StopIfRunning(process);
        }
    }

    // The password command is killed with the run, and the run ends as cancelled, not as a failed connection.
    [Fact]
    public async Task Sigterm_during_a_password_command_kills_it_and_exits_130_with_one_line()
    {
        await using var server = NotPostgresServer.AskingForPassword();
        var work = TempDirectory.CreateForProcess();
        var pidFile = Path.Combine(work, "command.pid");
        var environment = Environment($"postgres://app@127.0.0.1:{server.Port}/x?sslmode=disable");

        using var process = Process.Start(StrataProcess.StartInfo(work, environment, "status", "--password-command", $"echo $$ > '{pidFile}'; sleep 25; echo pw"))!;
        try
        {
            var stderr = process.StandardError.ReadToEndAsync();
            await WaitUntilAsync(() => Task.FromResult(File.Exists(pidFile) && File.ReadAllText(pidFile).Trim().Length > 0), TimeSpan.FromSeconds(30));
            var commandPid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            Signal(process.Id, "TERM");
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));

            process.ExitCode.ShouldBe(130, await stderr);
            Errors(await stderr).ShouldHaveSingleItem().ShouldStartWith("error: cancelled");
            await WaitUntilAsync(() => Task.FromResult(!IsRunning(commandPid)), TimeSpan.FromSeconds(5));
        }
        finally
        {
            StopIfRunning(process);
        }
    }

    private static Dictionary<string, string> Environment(string databaseUrl) => new()
    {
        ["PATH"] = System.Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
        ["HOME"] = System.Environment.GetEnvironmentVariable("HOME") ?? "/tmp",
        ["DATABASE_URL"] = databaseUrl,
    };

    private static string[] Errors(string stderr) =>
        [.. stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.StartsWith("error:", StringComparison.Ordinal))];

    // A killed process whose parent (strata) has exited may stay a zombie until init reaps it: it no longer runs.
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..] is not ['Z', ..] and not ['X', ..];
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return false;
        }
    }

    private static void StopIfRunning(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    private static Dictionary<string, string> Environment(TestDatabase db) => new()
    {
        ["PATH"] = System.Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
        ["HOME"] = System.Environment.GetEnvironmentVariable("HOME") ?? "/tmp",
        ["DATABASE_URL"] = db.Url,
    };

    private static async Task<bool> QueryRunningAsync(TestDatabase db, string fragment)
    {
        await using var command = db.DataSource.CreateCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE '%' || $1 || '%' AND pid <> pg_backend_pid()");
        command.Parameters.Add(new NpgsqlParameter { Value = fragment });
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private static Task WaitForQueryAsync(TestDatabase db, string fragment) => WaitUntilAsync(() => QueryRunningAsync(db, fragment));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan? limit = null)
    {
        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", ["-s", signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
