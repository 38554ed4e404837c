using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace Cruddur.Tests.Support;

/// <summary>
/// Cruddur running as a real process (<c>dotnet Cruddur.dll --urls http://127.0.0.1:0</c>), the way a container runs
/// it. The port is read from the host's "Now listening on" log line; every stdout and stderr line is kept.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HttpClient? _client;

    private AppProcess(Process process)
    {
        _process = process;
    }

    public IReadOnlyList<string> Lines => [.. _lines];

    public string Output => string.Join('\n', _lines);

    public HttpClient Client => _client ??= new HttpClient { BaseAddress = _listening.Task.Result, Timeout = TimeSpan.FromSeconds(60) };

    public bool HasExited => _process.HasExited;

    public static AppProcess Start(IReadOnlyDictionary<string, string> variables) =>
        Start(variables, AppContext.BaseDirectory, "Cruddur.dll");

    /// <summary>
    /// Starts the release before the current one (tests/Cruddur.PreviousRelease, built into cruddur-previous/): the
    /// same app but for the files that release had differently, with the migrations it shipped.
    /// </summary>
    public static AppProcess StartPreviousRelease(IReadOnlyDictionary<string, string> variables) =>
        Start(variables, Path.Combine(AppContext.BaseDirectory, "cruddur-previous"), "Cruddur.PreviousRelease.dll");

    private static AppProcess Start(IReadOnlyDictionary<string, string> variables, string directory, string assembly)
    {
        // The working directory is the content root, where the host finds that release's appsettings.json.
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(directory, assembly));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add("http://127.0.0.1:0");
        info.Environment.Clear();
        foreach (var (name, value) in ChildEnvironment.With(variables))
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var app = new AppProcess(process);
        process.OutputDataReceived += (_, e) => app.Receive(e.Data);
        process.ErrorDataReceived += (_, e) => app.Receive(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Waits for the server to listen; fails with the app's output if it exits first.</summary>
    public async Task<Uri> WaitUntilListeningAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var exited = _process.WaitForExitAsync(timeout.Token);
        var first = await Task.WhenAny(_listening.Task, exited);
        if (first == _listening.Task)
        {
            return await _listening.Task;
        }

        await exited;
        throw new InvalidOperationException($"Cruddur exited with code {_process.ExitCode} before listening:\n{Output}");
    }

    /// <summary>Stops the app as an orchestrator does: SIGTERM, then the host's graceful shutdown; returns the exit code.</summary>
    public async Task<int> StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        return await WaitForExitAsync();
    }

    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>The JSON log events the app wrote, in order; other lines are skipped.</summary>
    public IReadOnlyList<JsonElement> LogEvents() =>
        Lines.Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Receive(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        if (line.Contains("\"Category\":\"Microsoft.Hosting.Lifetime\"", StringComparison.Ordinal) && line.Contains("Now listening on", StringComparison.Ordinal))
        {
            using var json = JsonDocument.Parse(line);
            _listening.TrySetResult(new Uri(json.RootElement.GetProperty("State").GetProperty("address").GetString()!));
        }
    }
}
