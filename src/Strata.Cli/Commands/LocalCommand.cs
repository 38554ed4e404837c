using System.Globalization;
using Strata.Cli.Output;
using Strata.Core.Connections;
using Strata.Core.Errors;
using Strata.Core.Local;

namespace Strata.Cli.Commands;

/// <summary>`strata local start|stop|status|url|destroy`: the local PostgreSQL Strata runs under ./.strata.</summary>
internal static class LocalCommand
{
    public static Command Create()
    {
        var command = new Command("local", "Manage the local PostgreSQL that Strata runs under ./.strata/postgres when no database is configured.");
        command.Subcommands.Add(Start());
        command.Subcommands.Add(Stop());
        command.Subcommands.Add(Status());
        command.Subcommands.Add(Url());
        command.Subcommands.Add(Destroy());
        return command;
    }

    private static Command Start() => CommandAction.Set(
        new Command("start", "Create the local cluster if needed and start it (idempotent)."),
        async (run, _, cancellationToken) =>
        {
            var cluster = run.LocalCluster();
            await cluster.EnsureStartedAsync(cancellationToken);
            Render(run, "local.started", await cluster.GetStatusAsync(cancellationToken));
            return ExitCodes.Success;
        });

    private static Command Stop() => CommandAction.Set(
        new Command("stop", "Stop the local cluster (its data stays)."),
        async (run, _, cancellationToken) =>
        {
            var stopped = await run.LocalCluster().StopAsync(cancellationToken);
            var message = stopped ? "local PostgreSQL stopped" : "local PostgreSQL was not running";
            run.Reporter.Result("local.stopped", message, new JsonObject { ["wasRunning"] = stopped });
            return ExitCodes.Success;
        });

    private static Command Status() => CommandAction.Set(
        new Command("status", "Show whether the local cluster exists and runs, its port, version and folder."),
        async (run, _, cancellationToken) =>
        {
            Render(run, "local.status", await run.LocalCluster().GetStatusAsync(cancellationToken));
            return ExitCodes.Success;
        });

    private static Command Url() => CommandAction.Set(
        new Command("url", "Print the URL of the local database (starting the cluster if needed), for tools such as psql."),
        async (run, _, cancellationToken) =>
        {
            await using var session = await run.OpenSessionAsync(cancellationToken);
            var connection = session.Connection;
            var cluster = run.LocalCluster();
            if (!connection.IsLocalDefault && !IsOnLocalCluster(connection.Settings, await cluster.GetStatusAsync(cancellationToken)))
            {
                throw new ConfigurationException(
                    $"{connection.SourceDescription} names {connection.Settings.ToDisplayUrl()}, which is not on the local PostgreSQL; local url prints the URL of a database on the local PostgreSQL: run it without choosing another database, or with an environment whose database is local:NAME");
            }

            await cluster.EnsureStartedAsync(cancellationToken);
            var status = await cluster.GetStatusAsync(cancellationToken);
            // A URL pointing at the local cluster (one printed by local url before) names the local database in use.
            var database = connection.Settings.Database;
            var url = status.Url(database) ?? throw new LocalClusterException("the local PostgreSQL has no port yet; run 'strata local start'");
            run.Reporter.Result("local.url", url, new JsonObject { ["url"] = url, ["database"] = database }, w => w.WriteLine(url));
            return ExitCodes.Success;
        });

    private static bool IsOnLocalCluster(ConnectionSettings settings, LocalClusterStatus status) =>
        settings.Hosts.Count > 0
        && settings.Hosts.All(h => h.Port == status.Port && (h.Host is "127.0.0.1" or "localhost" || h.Host == status.SocketDirectory));

    private static Command Destroy()
    {
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation (for scripts)." };
        var command = new Command("destroy", "Stop the local cluster and delete it with all its databases.") { yes };
        return CommandAction.Set(command, async (run, parse, cancellationToken) =>
        {
            var cluster = run.LocalCluster();
            var status = await cluster.GetStatusAsync(cancellationToken);
            if (status.Exists && !run.Confirm($"Delete the local PostgreSQL in {status.Directory} and every database in it?", parse.GetValue(yes)))
            {
                throw new ConfigurationException("not confirmed: nothing was deleted (pass --yes to destroy without asking)");
            }

            var destroyed = await cluster.DestroyAsync(cancellationToken);
            var message = destroyed ? $"deleted {status.Directory}" : "there was no local PostgreSQL to delete";
            run.Reporter.Result("local.destroyed", message, new JsonObject { ["destroyed"] = destroyed });
            return ExitCodes.Success;
        });
    }

    private static void Render(CommandRun run, string name, LocalClusterStatus status)
    {
        var port = status.Port?.ToString(CultureInfo.InvariantCulture);
        var fields = new JsonObject
        {
            ["exists"] = status.Exists,
            ["running"] = status.Running,
            ["directory"] = status.Directory,
            ["port"] = status.Port,
            ["pid"] = status.Pid,
            ["serverVersion"] = status.ServerVersion,
            ["socketDirectory"] = status.SocketDirectory,
        };
        var state = !status.Exists ? "not created" : status.Running ? "running" : "stopped";
        run.Reporter.Result(name, $"local PostgreSQL {state}", fields, writer =>
        {
            var style = run.Reporter.Style;
            writer.WriteLine($"local PostgreSQL {(status.Running ? style.Green(state) : style.Yellow(state))}");
            var table = new TextTable("", "");
            table.Add(["folder", status.Directory]);
            table.Add(["version", status.ServerVersion ?? "-"]);
            table.Add(["port", port is null ? "-" : $"127.0.0.1:{port}"]);
            table.Add(["socket", status.SocketDirectory]);
            table.Add(["pid", status.Pid?.ToString(CultureInfo.InvariantCulture) ?? "-"]);
            table.WriteTo(writer, style, indent: "  ");
        });
    }
}
