using Strata.Core.Configuration;
using Strata.Core.Lifecycle;
using Strata.Core.Sessions;

namespace Strata.Cli.Hosting;

/// <summary>
/// dbmate's <c>--wait</c> and <c>--wait-timeout</c>: before the command connects, wait (bounded) until the server
/// accepts connections, as <c>strata db wait</c> does. The timeout ends the command with the connection error (exit 3).
/// </summary>
internal static class WaitFlags
{
    public static readonly Option<bool> Wait = new("--wait")
    {
        Description = "Wait until the database server accepts connections before starting (bounded by --wait-timeout).",
    };

    public static readonly Option<string?> WaitTimeout = new("--wait-timeout")
    {
        Description = SettingHelp.For(SettingCatalog.WaitTimeout, "How long --wait waits for the server (500ms, 30s, 2m); given alone, it also waits."),
        HelpName = "duration",
    };

    public static void AddTo(Command command)
    {
        command.Options.Add(Wait);
        command.Options.Add(WaitTimeout);
    }

    /// <summary>Waits for the server when the command was given <c>--wait</c> or <c>--wait-timeout</c>; otherwise returns at once.</summary>
    public static async Task WaitIfAskedAsync(CommandRun run, ParseResult parse, StrataSession session, CancellationToken cancellationToken)
    {
        var asked = parse.GetResult(Wait) is { Implicit: false } wait && wait.GetValueOrDefault<bool>();
        // A timeout alone is read as asking to wait: a flag that would silently do nothing helps no one.
        asked |= parse.GetResult(WaitTimeout) is { Implicit: false };
        if (asked)
        {
            await session.Lifecycle.WaitAsync(new WaitOptions { Timeout = run.Settings.WaitTimeout.Value, ServerOnly = true }, cancellationToken);
        }
    }
}
