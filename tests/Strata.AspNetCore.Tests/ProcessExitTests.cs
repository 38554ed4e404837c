using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using Strata.AspNetCore.Tests.Support;
using Strata.Testing;

namespace Strata.AspNetCore.Tests;

/// <summary>
/// The quick start's app (<c>builder.AddStrata(); ... app.Run();</c>, no try/catch) run as a process: what an operator
/// sees when Strata stops it is one log line from Strata and a documented exit code, never an unhandled exception.
/// </summary>
public sealed partial class ProcessExitTests
{
    private static readonly string AppAssembly = typeof(ProcessExitTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "StrataTestAppAssembly").Value!;

    [Fact]
    public async Task A_bad_option_ends_the_process_with_exit_code_2_and_one_log_line_from_Strata()
    {
        using var directory = TestDirectory.Create();

        var (exitCode, output) = await RunAppAsync(
            directory.Path, $"--DATABASE_URL=postgres://app@127.0.0.1:{Ports.Unused()}/app", "--Strata:Pool:MaxSize=lots");

        exitCode.ShouldBe(2, output);
        output.ShouldNotContain("Unhandled exception");
        var strataLines = StrataEntry().Matches(output).Select(m => m.Value).ToList();
        strataLines.ShouldHaveSingleItem().ShouldStartWith("crit: Strata.AspNetCore.StrataOptions[1604]");
        output.ShouldContain("configuration value Strata:Pool:MaxSize is 'lots', which is not a whole number");
    }

    [Fact]
    public async Task A_failed_migrate_on_start_ends_the_process_with_exit_code_1_and_one_log_line_from_Strata()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = MigrationFiles.Write(("1_broken.sql", "-- migrate:up\nCREATE TABLE notes (id no_such_type);\n"));

        var (exitCode, output) = await RunAppAsync(
            files.Path, $"--DATABASE_URL={db.Url}", "--Strata:MigrateOnStart=true", $"--Strata:MigrationsDirectory={files.Combine("migrations")}");

        exitCode.ShouldBe(1, output);
        output.ShouldNotContain("Unhandled exception");
        StrataEntry().Matches(output).Select(m => m.Value).Where(l => l.StartsWith("crit", StringComparison.Ordinal))
            .ShouldHaveSingleItem().ShouldStartWith("crit: Strata.AspNetCore.Hosting.StrataStartupService[1613]");
    }

    [Fact]
    public async Task A_SIGTERM_while_migrate_on_start_waits_for_the_database_ends_the_process_with_exit_code_130_and_one_log_line()
    {
        using var directory = TestDirectory.Create();

        var (exitCode, output) = await RunAppAsync(
            directory.Path,
            "[1614]",
            $"--DATABASE_URL=postgres://app@127.0.0.1:{Ports.Unused()}/app",
            "--Strata:MigrateOnStart=true");

        exitCode.ShouldBe(130, output);
        output.ShouldNotContain("Unhandled exception");
        StrataEntry().Matches(output).Select(m => m.Value).Where(l => !l.EndsWith("[1614]", StringComparison.Ordinal) && !l.StartsWith("info", StringComparison.Ordinal))
            .ShouldHaveSingleItem().ShouldBe("warn: Strata.AspNetCore.Hosting.StrataStartupService[1605]");
        output.ShouldContain("Start-up cancelled while migrating on start");
    }

    // The console logger's first line of an entry: "crit: Category[EventId]".
    [GeneratedRegex(@"^\w{4}: Strata\.[\w.]+\[\d+\]", RegexOptions.Multiline)]
    private static partial Regex StrataEntry();

    private static Task<(int ExitCode, string Output)> RunAppAsync(string workingDirectory, params string[] args) =>
        RunAppAsync(workingDirectory, null, args);

    // With signalOn, the app gets SIGTERM, as from an orchestrator, once its output contains that text.
    private static async Task<(int ExitCode, string Output)> RunAppAsync(string workingDirectory, string? signalOn, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(AppAssembly);
        info.ArgumentList.Add("--urls=http://127.0.0.1:0");
        info.ArgumentList.Add($"--contentRoot={workingDirectory}");
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

        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = new Process { StartInfo = info };
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var signalled = 0;
        DataReceivedEventHandler receive = (_, e) =>
        {
            if (e.Data is not { } line)
            {
                return;
            }

            output.Enqueue(line);
            if (signalOn is not null && line.Contains(signalOn, StringComparison.Ordinal) && Interlocked.Exchange(ref signalled, 1) == 0)
            {
                using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                kill.WaitForExit();
            }
        };
        process.OutputDataReceived += receive;
        process.ErrorDataReceived += receive;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, string.Join('\n', output));
    }
}
