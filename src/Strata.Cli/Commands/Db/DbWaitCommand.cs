using System.CommandLine;
using System.Text.Json.Nodes;
using Strata.Cli.Hosting;
using Strata.Core.Errors;
using Strata.Core.Lifecycle;
using Strata.Core.Migrations;

namespace Strata.Cli.Commands.Db;

/// <summary>`strata db wait`: waits until the server accepts connections and the database exists.</summary>
internal static class DbWaitCommand
{
    public static Command Create()
    {
        var timeout = new Option<string?>("--timeout")
        {
            Description = "How long to wait, with a unit: 500ms, 30s, 2m. [env: STRATA_WAIT_TIMEOUT] [default: 60s]",
            HelpName = "duration",
        };
        var command = new Command(
            "wait",
            "Wait until the server accepts connections and the database exists (exit 3 on timeout): the first step of a container's start.")
        {
            timeout,
        };
        CommandAction.Set(command, async (run, parse, cancellationToken) =>
        {
            var given = parse.GetValue(timeout) ?? run.Context.Variable("STRATA_WAIT_TIMEOUT");
            var options = new WaitOptions { Timeout = given is null ? WaitOptions.DefaultTimeout : Timeout(given) };
            var (_, lifecycle) = await DbCommand.LifecycleAsync(run, parse, cancellationToken);
            var result = await lifecycle.WaitAsync(options, cancellationToken);
            var message = $"database '{result.Database}' on {result.Server} is ready (after {result.Attempts} attempt(s), {DurationText.Format(result.Waited)})";
            var fields = new JsonObject
            {
                ["database"] = result.Database,
                ["server"] = result.Server,
                ["attempts"] = result.Attempts,
                ["waitedMs"] = (long)result.Waited.TotalMilliseconds,
            };
            run.Reporter.Result("db.ready", message, fields, w => w.WriteLine(message));
            return ExitCodes.Success;
        });
        return command;
    }

    private static TimeSpan Timeout(string text) =>
        MigrationDuration.TryParse(text, out var timeout, out var problem) && timeout > TimeSpan.Zero
            ? timeout
            : throw new ConfigurationException($"--timeout '{text}': {(problem.Length > 0 ? problem : "the wait needs a positive timeout, such as 30s")}");
}
