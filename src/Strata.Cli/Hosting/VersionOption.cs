using System.CommandLine.Invocation;
using Strata.Core.Diagnostics;

namespace Strata.Cli.Hosting;

/// <summary>`strata --version`: Strata's own version, whatever process hosts the CLI.</summary>
internal static class VersionOption
{
    // The CLI and the engine are built together and carry one version.
    public static string Version => BuildVersion.Text;

    public static Option<bool> Create() => new("--version")
    {
        Description = "Show Strata's version.",
        Arity = ArgumentArity.Zero,
        Action = new PrintVersion(),
    };

    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override bool Terminating => true;

        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Version);
            return 0;
        }
    }
}
