using System.CommandLine.Invocation;
using System.Reflection;

namespace Strata.Cli.Hosting;

/// <summary>`strata --version`: Strata's own version, whatever process hosts the CLI.</summary>
internal static class VersionOption
{
    public static string Version { get; } =
        typeof(VersionOption).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(VersionOption).Assembly.GetName().Version?.ToString()
        ?? "unknown";

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
