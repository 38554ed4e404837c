using System.Text;
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
        StandardOutput(),
        Console.Error,
        ProcessEnvironment.Snapshot(),
        Directory.GetCurrentDirectory(),
        !Console.IsOutputRedirected,
        !Console.IsInputRedirected);

    // Console.Out hands the kernel 256 bytes at a time: a 1,000-row status was 232 writes. This writer flushes at the
    // end of every write call, as Console.Out does, so output appears when it did and in the same order, but a long
    // text goes out in pieces of up to 16 KiB.
    private static TextWriter StandardOutput()
    {
        var encoding = Console.OutputEncoding is UTF8Encoding ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) : Console.OutputEncoding;
        return TextWriter.Synchronized(new StreamWriter(Console.OpenStandardOutput(), encoding, 16 * 1024) { AutoFlush = true });
    }

    public string? Variable(string name) =>
        Environment.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    /// <summary>Reads a line typed by the user, for confirmations; null when input is not a terminal.</summary>
    public Func<string?> ReadLine { get; init; } = Console.ReadLine;
}
