using Strata.Cli.Output;
using Strata.Core.Migrations;
using Strata.Core.Planning;

namespace Strata.Cli.Commands.Migrations;

/// <summary>`strata status`: every migration on disk and in the history, and the state of each.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var exitCode = new Option<bool>("--exit-code")
        {
            Description = $"Exit {ExitCodes.Pending} when a migration is pending or interrupted, for scripts.",
        };
        var command = new Command("status", "Show applied, pending, out-of-order, edited, missing and interrupted migrations.") { exitCode };
        EngineFlags.AddHistoryFlag(command);
        WaitFlags.AddTo(command);
        CommandAction.SetMigrator(command, async (run, parse, _, migrator, cancellationToken) =>
        {
            ShortRun.SkipCollections();
            var status = await migrator.StatusAsync(cancellationToken);
            var current = status.CurrentVersion?.Value ?? "none";
            // An interrupted migration leaves up something to do too (resume a backfill, or refuse until it is repaired):
            // a gate that runs up when this exits non-zero must not skip it.
            var interrupted = status.Migrations.Count(m => m.State == MigrationState.Interrupted);
            var message = $"current version {current}, {status.PendingCount} pending" + (interrupted > 0 ? $", {interrupted} interrupted" : string.Empty);
            run.Reporter.Result("status", message, () => MigrationJson.Status(status, run.Invoked), writer => Render(writer, run, status, message));
            return parse.GetValue(exitCode) && status.PendingCount + interrupted > 0 ? ExitCodes.Pending : ExitCodes.Success;
        });
        return command;
    }

    private static void Render(TextWriter writer, CommandRun run, StatusResult status, string message)
    {
        var style = run.Reporter.Style;
        if (status.Migrations.Count == 0)
        {
            writer.WriteLine("no migrations on disk or in the history");
            return;
        }

        // The phase column appears once a migration runs after the deploy; until then every migration runs before it.
        var phased = status.Migrations.Any(m => m.Phase == MigrationPhase.Post);
        var table = phased
            ? new TextTable("VERSION", "DESCRIPTION", "STATE", "PHASE", "APPLIED AT")
            : new TextTable("VERSION", "DESCRIPTION", "STATE", "APPLIED AT");
        foreach (var entry in status.Migrations)
        {
            var appliedAt = entry.History is { } history ? MigrationJson.Timestamp(history.AppliedAt) : "-";
            string[] cells = phased
                ? [entry.Version.Value, entry.Description, MigrationJson.StateName(entry.State), MigrationJson.PhaseName(entry.Phase), appliedAt]
                : [entry.Version.Value, entry.Description, MigrationJson.StateName(entry.State), appliedAt];
            table.Add(cells, paintedColumn: 2, text => Paint(style, entry.State, text));
        }

        table.WriteTo(writer, style);
        foreach (var entry in status.Migrations.Where(m => m.Progress is not null))
        {
            writer.WriteLine($"{entry.Version.Value} {entry.Description}: {entry.Progress}");
        }

        if (status.Refusal is { } refusal)
        {
            writer.WriteLine(style.Yellow("warning: ") + refusal.Message);
            if (refusal.NextStep is { } step)
            {
                writer.WriteLine(style.Dim("  next: ") + NextStepCommands.Render(step, run.Invoked));
            }
        }

        writer.WriteLine(message);
    }

    private static string Paint(Style style, MigrationState state, string text) => state switch
    {
        MigrationState.Applied => style.Green(text),
        MigrationState.Pending => style.Yellow(text),
        _ => style.Red(text),
    };
}
