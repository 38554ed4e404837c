using Strata.Cli.Output;
using Strata.Core.Configuration;
using Strata.Core.Lifecycle;

namespace Strata.Cli.Commands.Db;

/// <summary>`strata db wait`: waits until the server accepts connections and the database exists.</summary>
internal static class DbWaitCommand
{
    private static readonly Option<string?> Timeout = new("--timeout")
    {
        Description = SettingHelp.For(SettingCatalog.WaitTimeout),
        HelpName = "duration",
    };

    public static Command Create() => CommandAction.SetLifecycle(
        new Command(
            "wait",
            "Wait until the server accepts connections and the database exists (exit 3 on timeout): the first step of a container's start.")
        {
            Timeout,
        },
        async (run, parse, lifecycle, cancellationToken) =>
        {
            var result = await lifecycle.WaitAsync(new WaitOptions { Timeout = run.Settings.WaitTimeout.Value }, cancellationToken);
            var message = $"database '{result.Database}' on {result.Server} is ready (after {result.Attempts} attempt(s), {DurationText.Format(result.Waited)})";
            var fields = new JsonObject
            {
                ["database"] = result.Database,
                ["server"] = result.Server,
                ["attempts"] = result.Attempts,
                ["waitedMs"] = (long)result.Waited.TotalMilliseconds,
            };
            run.Reporter.Result("db.ready", message, fields);
            return ExitCodes.Success;
        });
}
