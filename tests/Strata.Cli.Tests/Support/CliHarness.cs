using System.Globalization;
using Strata.Cli.Hosting;

namespace Strata.Cli.Tests.Support;

/// <summary>
/// Runs the CLI in-process (or the binary named by <c>STRATA_BIN</c>) with its own output buffers, environment and working directory. The environment starts
/// empty apart from PATH and HOME, so tests are not steered by the machine's DATABASE_URL or PG* variables.
/// </summary>
public sealed class CliHarness
{
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);

    public CliHarness(string? workingDirectory = null)
    {
        WorkingDirectory = workingDirectory ?? TempDirectory.CreateForProcess();
        foreach (var name in new[] { "PATH", "HOME" })
        {
            if (System.Environment.GetEnvironmentVariable(name) is { } value)
            {
                _environment[name] = value;
            }
        }
    }

    public string WorkingDirectory { get; }

    /// <summary>Pretend stdout is a terminal, as an interactive shell would have it.</summary>
    public bool Terminal { get; init; }

    public IReadOnlyDictionary<string, string> Environment => _environment;

    public CliHarness With(string name, string value)
    {
        _environment[name] = value;
        return this;
    }

    public async Task<CliResult> RunAsync(params string[] args) => await RunAsync(args, CancellationToken.None);

    public async Task<CliResult> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        // A real process cannot pretend its output is a terminal, so those runs stay in-process.
        if (StrataBinary.Path is not null && !Terminal)
        {
            return await StrataProcess.RunAsync(StrataProcess.StartInfo(WorkingDirectory, _environment, args), TimeSpan.FromMinutes(5), cancellationToken);
        }

        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var context = new CliContext(stdout, stderr, new Dictionary<string, string>(_environment), WorkingDirectory, Terminal, false)
        {
            ReadLine = () => null,
        };
        var exitCode = await StrataCli.RunAsync(args, context, cancellationToken);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }
}
