using Strata.Core.Configuration;
using Strata.Core.Schema;

namespace Strata.Cli.Commands;

/// <summary>--scratch-url: where verify, drift and diff build their throwaway databases.</summary>
internal static class ScratchFlag
{
    public static readonly Option<string?> Option = SettingFlags.Option<string?>(SettingCatalog.ScratchUrl, "url");

    public static Task<ScratchServer> OpenAsync(CommandRun run, CancellationToken cancellationToken) =>
        ScratchServer.OpenAsync(
            run.Settings.ScratchUrl.Value, run.LocalCluster(), run.Settings.ConnectionRequest(), run.LoggerFactory, cancellationToken);
}
