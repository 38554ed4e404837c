using System.CommandLine;

namespace Strata.Cli.Commands;

/// <summary>Every top-level command, in the order `strata --help` lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All() =>
    [
        ConfigCommand.Create(),
        NewCommand.Create(),
        LocalCommand.Create(),
    ];
}
