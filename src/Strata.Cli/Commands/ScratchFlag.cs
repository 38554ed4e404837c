using Strata.Core.Configuration;
using Strata.Core.Connections;
using Strata.Core.Schema;

namespace Strata.Cli.Commands;

/// <summary>--scratch-url: where verify, drift and diff build their throwaway databases.</summary>
internal static class ScratchFlag
{
    public static readonly Option<string?> Option = SettingFlags.Option<string?>(SettingCatalog.ScratchUrl, "url");

    /// <summary>
    /// The scratch server, whose databases take the session settings (URL options, search_path) of the database the
    /// settings name, as its migrations ran with.
    /// </summary>
    public static async Task<ScratchServer> OpenAsync(CommandRun run, CancellationToken cancellationToken)
    {
        var request = run.Settings.ConnectionRequest();
        var target = await new ConnectionResolver().ResolveAsync(request, run.Settings.Config, cancellationToken);
        return await ScratchServer.OpenAsync(
            run.Settings.ScratchUrl.Value, run.LocalCluster(), request, target.Settings, run.LoggerFactory, cancellationToken);
    }
}
