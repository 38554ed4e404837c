using Strata.Cli.Output;
using Strata.Core.Errors;
using Strata.Core.Execution;
using Strata.Core.History;
using Strata.Core.Migrations;

namespace Strata.Cli.Commands.Migrations;

/// <summary>
/// `strata repair`: explain an interrupted transaction:false migration, then resolve it by an explicit choice:
/// --complete (it was finished by hand) or --retry (run it again from its first statement).
/// </summary>
internal static class RepairCommand
{
    public static Command Create()
    {
        var complete = new Option<bool>("--complete") { Description = "Mark the interrupted migration applied: you finished its remaining statements by hand." };
        var retry = new Option<bool>("--retry") { Description = "Forget the interrupted attempt so the next 'up' (for an interrupted down, 'down') runs it again from its first statement (its statements must be idempotent)." };
        var version = new Option<string?>("--version") { Description = "Which interrupted migration, when there are several.", HelpName = "version" };
        var command = new Command("repair", "Show what state an interrupted migration left, and resolve it with --complete or --retry.") { complete, retry, version };
        EngineFlags.AddRecordFlags(command);
        return CommandAction.Set(command, async (run, parse, cancellationToken) =>
        {
            var action = (parse.GetValue(complete), parse.GetValue(retry)) switch
            {
                (true, true) => throw new ConfigurationException("--complete and --retry exclude each other: give one"),
                (true, false) => RepairAction.Complete,
                (false, true) => RepairAction.Retry,
                _ => RepairAction.Inspect,
            };
            MigrationVersion? which = parse.GetValue(version) is { } text
                ? MigrationVersion.TryParse(text, out var parsed) ? parsed : throw new ConfigurationException($"--version '{text}' is not a migration version")
                : null;
            await using var session = await run.OpenSessionAsync(cancellationToken);
            var migrator = await session.MigratorAsync(cancellationToken);
            var result = await migrator.RepairAsync(action, which, cancellationToken);
            Report(run, result);
            return ExitCodes.Success;
        });
    }

    private static void Report(CommandRun run, RepairResult result)
    {
        var fields = new JsonObject
        {
            ["action"] = result.Action.ToString().ToLowerInvariant(),
            ["resolved"] = result.Resolved?.Value,
            ["interrupted"] = new JsonArray([.. result.Interrupted.Select(Interrupted)]),
        };
        if (result.LockHolder is { } holder)
        {
            fields["lockHolder"] = holder.ToString();
        }

        // An interrupted down is resolved the other way round: finished, it is no longer applied; retried, it is
        // applied again and the next down, not up, runs it.
        var reverting = result.Interrupted.FirstOrDefault(i => i.Version == result.Resolved)?.Status == HistoryStatus.Reverting;
        var message = result switch
        {
            { Interrupted.Count: 0 } => "no interrupted migration: nothing to repair",
            { Resolved: { } resolved, Action: RepairAction.Complete } when reverting => $"marked {resolved} rolled back: its history row is removed",
            { Resolved: { } resolved, Action: RepairAction.Complete } => $"marked {resolved} applied",
            { Resolved: { } resolved } when reverting =>
                $"cleared the interrupted roll-back of {resolved}: it is applied again, and the next 'strata down' runs its down section again from its first statement",
            { Resolved: { } resolved } => $"cleared the interrupted attempt of {resolved}: the next 'strata up' runs it again from its first statement",
            { LockHolder: { } running } =>
                $"a run holds the migration lock now ({running}): it is most likely still running this migration, which is then not interrupted; " +
                "let it finish, and run 'strata status' to follow it",
            _ => "run 'strata repair --complete' if you finished it by hand, or 'strata repair --retry' to run it again",
        };
        run.Reporter.Result("repair", message, fields, writer =>
        {
            foreach (var migration in result.Interrupted)
            {
                writer.WriteLine($"{migration.Version}_{migration.Description} is {migration.Status.ToString().ToLowerInvariant()}: started {MigrationJson.Timestamp(migration.StartedAt)}, " +
                    $"{migration.StatementsCompleted} of {migration.StatementsTotal} statements completed");
                if (migration.NextStatement is { } next)
                {
                    writer.WriteLine($"  next statement (line {next.Line}): {OneLine(next.Text)}");
                }

                // An index a build still in progress is making stays invalid until the build ends: not reported.
                foreach (var index in result.LockHolder is null ? migration.InvalidIndexes : [])
                {
                    writer.WriteLine($"  invalid index left behind: {index}");
                }

                if (migration.Backfill is { } backfill)
                {
                    // Up resumes only the file that started the backfill: an edited one is refused like any interrupted migration.
                    var resume = NextStepCommands.Render(new NextStep(NextStepKind.ResumeBackfill, migration.Version.Value), run.Invoked);
                    writer.WriteLine(migration.FileEdited
                        ? $"  {backfill.Describe()}; '{resume}' does not resume it, as the file changed since"
                        : $"  {backfill.Describe()}; '{resume}' resumes it after the last committed batch");
                }

                if (migration.FileEdited)
                {
                    writer.WriteLine("  the file changed since the attempt started");
                }
            }

            writer.WriteLine(message);
        });
    }

    private static JsonObject Interrupted(InterruptedMigration migration) => new()
    {
        ["version"] = migration.Version.Value,
        ["description"] = migration.Description,
        ["status"] = migration.Status.ToString().ToLowerInvariant(),
        ["startedAt"] = MigrationJson.Timestamp(migration.StartedAt),
        ["statementsCompleted"] = migration.StatementsCompleted,
        ["statementsTotal"] = migration.StatementsTotal,
        ["nextStatementLine"] = migration.NextStatement?.Line,
        ["invalidIndexes"] = new JsonArray([.. migration.InvalidIndexes.Select(i => (JsonNode)i.ToString()!)]),
        ["fileEdited"] = migration.FileEdited,
    };

    private static string OneLine(string sql)
    {
        var flat = string.Join(' ', sql.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return flat.Length <= 100 ? flat : string.Concat(flat.AsSpan(0, 97), "...");
    }
}
