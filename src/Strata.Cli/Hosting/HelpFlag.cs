using System.CommandLine.Help;
using System.CommandLine.Invocation;

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
        Action = new ShownForHiddenCommands(),
    };

    // The library's help prints nothing for a hidden command (dbmate's top-level spellings `dump` and `load`, kept out
    // of the root's list): asked for by name, its help is shown like any other's. The tree is built for one invocation.
    /// <summary>Whether <paramref name="action"/> is the help flag's: a command line asking for help is not checked for errors.</summary>
    public static bool IsHelp(CommandLineAction? action) => action is ShownForHiddenCommands;

    private sealed class ShownForHiddenCommands : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.CommandResult.Command.Hidden = false;
            return new HelpAction().Invoke(parseResult);
        }
    }
}
