using System.CommandLine;
using Strata.Cli.Hosting;
using Strata.Core.Schema;

namespace Strata.Cli.Commands;

/// <summary>--scratch-url: where verify and drift build their throwaway databases.</summary>
internal static class ScratchFlag
{
    public static readonly Option<string?> Option = new("--scratch-url")
    {
        Description = "A server to create throwaway databases on (any database of it, as a URL); never the target. [env: STRATA_SCRATCH_URL] [default: the local PostgreSQL Strata runs]",
        HelpName = "url",
    };

    public static Task<ScratchServer> OpenAsync(CommandRun run, ParseResult parse, CancellationToken cancellationToken) =>
        ScratchServer.OpenAsync(
            parse.GetValue(Option) ?? run.Context.Variable("STRATA_SCRATCH_URL"), run.LocalCluster(), run.ConnectionRequest(), run.LoggerFactory, cancellationToken);
}
