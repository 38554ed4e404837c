using System.Diagnostics;
using System.Text.Json;
using Strata.Scenarios.Support;

namespace Strata.Scenarios.Doors;

/// <summary>
/// The built <c>strata</c> run as a real process in the project directory, with <c>--json</c>, the way a deploy
/// pipeline runs it: the outcome is its exit code and its last JSON event.
/// </summary>
public sealed class ProcessDoor : IFrontDoor
{
    private static readonly string[] InheritedVariables = ["PATH", "HOME", "DOTNET_ROOT", "TMPDIR"];
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public string Name => "process";

    public static string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "strata-cli", "strata.dll");

    /// <summary>The shipped binary to run instead of <see cref="AssemblyPath"/> (a Native AOT build), from <c>STRATA_BIN</c>.</summary>
    public static string? BinaryPath { get; } = Environment.GetEnvironmentVariable("STRATA_BIN") is { Length: > 0 } path
        ? Path.GetFullPath(path)
        : null;

    public Task<Outcome> UpAsync(Scene scene, bool allowOutOfOrder = false, string environment = Scene.Environment, TimeSpan? lockWait = null) =>
        RunAsync(scene, [
            "up", "--env", environment,
            .. allowOutOfOrder ? ["--allow-out-of-order"] : Array.Empty<string>(),
            .. lockWait is { } wait ? ["--lock-wait", DurationText.Of(wait)] : Array.Empty<string>(),
        ]);

    public Task<Outcome> DownAsync(Scene scene, string version) => RunAsync(scene, ["down", "--to", version]);

    public Task<Outcome> StatusAsync(Scene scene) => RunAsync(scene, ["status"]);

    public Task<Outcome> StampAsync(Scene scene, string version) => RunAsync(scene, ["stamp", version]);

    public Task<Outcome> RepairAsync(Scene scene, bool retry) => RunAsync(scene, ["repair", retry ? "--retry" : "--complete"]);

    // --yes answers the confirmation prompt, so only the protection itself can refuse.
    public Task<Outcome> ResetAsync(Scene scene, string environment) => RunAsync(scene, ["db", "reset", "--env", environment, "--yes", "--force"]);

    private static async Task<Outcome> RunAsync(Scene scene, string[] args)
    {
        var info = new ProcessStartInfo(BinaryPath ?? "dotnet")
        {
            WorkingDirectory = scene.ProjectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (BinaryPath is null)
        {
            info.ArgumentList.Add(AssemblyPath);
        }

        foreach (var arg in args.Contains("--env") ? args : [.. args, "--env", Scene.Environment])
        {
            info.ArgumentList.Add(arg);
        }

        info.ArgumentList.Add("--json");
        info.Environment.Clear();
        foreach (var name in InheritedVariables)
        {
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } value)
            {
                info.Environment[name] = value;
            }
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + info.FileName);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"strata {string.Join(' ', args)} did not finish in {Timeout}");
        }

        return Read(process.ExitCode, await stdout, await stderr);
    }

    private static Outcome Read(int exitCode, string stdout, string stderr)
    {
        var last = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
            ?? throw new InvalidOperationException($"strata exited {exitCode} without a JSON event; stderr: {stderr}");
        var json = JsonDocument.Parse(last).RootElement;
        var message = json.GetProperty("message").GetString() ?? "";
        if (json.GetProperty("event").GetString() == "error")
        {
            return new Outcome(exitCode, json.GetProperty("code").GetString(), [], null, null, message);
        }

        if (json.TryGetProperty("pending", out var pending))
        {
            return new Outcome(exitCode, null, [], json.GetProperty("currentVersion").GetString(), pending.GetInt32(), message);
        }

        return new Outcome(exitCode, null, Versions(json), null, null, message);
    }

    // up/down list their migrations, stamp its recorded versions, repair the one it resolved, db reset what it applied.
    private static List<string> Versions(JsonElement json)
    {
        if (json.TryGetProperty("migrations", out var migrations) && migrations.ValueKind == JsonValueKind.Object)
        {
            migrations = migrations.GetProperty("migrations");
        }

        if (migrations.ValueKind == JsonValueKind.Array)
        {
            return [.. migrations.EnumerateArray().Select(m => m.GetProperty("version").GetString()!)];
        }

        if (json.TryGetProperty("recorded", out var recorded))
        {
            return [.. recorded.EnumerateArray().Select(v => v.GetString()!)];
        }

        if (json.TryGetProperty("resolved", out var resolved))
        {
            return resolved.ValueKind == JsonValueKind.String ? [resolved.GetString()!] : [];
        }

        return [];
    }
}
