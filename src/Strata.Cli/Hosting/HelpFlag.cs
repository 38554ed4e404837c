using System.CommandLine.Help;

namespace Strata.Cli.Hosting;

/// <summary>
/// `-?`, `-h`, `--help` on every command: System.CommandLine's help, declared here rather than with its
/// <see cref="HelpOption"/>, whose constructor opens the library's resource tables (a reflection walk over assembly
/// attributes: 1.1 million instructions, a fortieth of <c>status</c>) at every start, only to read the line printed
/// beside it in help.
/// </summary>
internal static class HelpFlag
{
    public static Option<bool> Create() => new("--help", "-h", "-?")
    {
        Description = "Show help and usage information",
        Arity = ArgumentArity.Zero,
        Recursive = true,
        Action = new HelpAction(),
    };
}
