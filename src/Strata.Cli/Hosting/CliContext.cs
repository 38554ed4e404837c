using Strata.Core.Configuration;

namespace Strata.Cli.Hosting;

/// <summary>
/// What a command run may touch of the outside world: its output streams, environment and working directory.
/// Tests build one by hand to run the CLI in-process; the real program builds it from the process.
/// </summary>
internal sealed record CliContext(
    TextWriter Out,
    TextWriter Error,
    IReadOnlyDictionary<string, string> Environment,
    string WorkingDirectory,
    bool OutputIsTerminal,
    bool InputIsTerminal)
{
    public static CliContext FromProcess() => new(
        Console.Out,
        Console.Error,
        ProcessEnvironment.Snapshot(),
        Directory.GetCurrentDirectory(),
        !Console.IsOutputRedirected,
        !Console.IsInputRedirected);

    public string? Variable(string name) =>
        Environment.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    /// <summary>Reads a line typed by the user, for confirmations; null when input is not a terminal.</summary>
    public Func<string?> ReadLine { get; init; } = Console.ReadLine;
}
