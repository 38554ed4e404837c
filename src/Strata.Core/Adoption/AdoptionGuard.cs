using Npgsql;
using Strata.Core.Errors;
using Strata.Core.History;
using Strata.Core.Migrations;
using Strata.Core.Planning;

namespace Strata.Core.Adoption;

/// <summary>
/// Stops a command that would start Strata's history on a database another tool migrated: one whose history table
/// is in use, since only <c>adopt</c> records what that tool applied. A command that runs migrations is stopped by
/// user tables too, where <c>baseline</c> is the way in. Called under the migration lock, while Strata's history is
/// empty and before its table is created, so a refused run leaves the database exactly as it was.
/// </summary>
/// <param name="scope">What is looked at: not Strata's history table, nor the schemas of other applications.</param>
/// <param name="runsMigrations">True for commands that run migrations (refused on user tables too), false for those that only record them.</param>
internal sealed class AdoptionGuard(GuardScope scope, bool runsMigrations)
{
    private const int ListedTables = 5;

    private const int ListedVersions = 5;

    private const string RunRefused = "Refusing to run migrations: ";

    public async Task CheckAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (!await UserObjectProbe.AnyRelationAsync(connection, scope, cancellationToken))
        {
            return;
        }

        var found = await ForeignHistoryDetector.DetectWithRowsAsync(connection, scope, cancellationToken);
        var inUse = found.InUse.Except(found.Baselines).ToList();
        if (inUse.Count > 0)
        {
            var step = inUse[0].MapsVersions && inUse.Count == 1 ? NextStepKind.Adopt : NextStepKind.AdoptUpTo;
            throw new AdoptionRequiredException(ForeignMessage(inUse, runsMigrations), [.. inUse.Select(t => t.QualifiedName)]) { NextSteps = [new NextStep(step)] };
        }

        // A baseline says which version the schema's tables are at; whether a migration file is one it covers, which must
        // not run, is checked against the files (CheckPendingAsync).
        if (!runsMigrations || found.Baselines.Count > 0)
        {
            return;
        }

        var tables = await UserObjectProbe.ListAsync(connection, scope, found.Detected.SelectMany(t => t.Companions()), ListedTables + 1, cancellationToken);
        if (tables.Count > 0)
        {
            var listed = string.Join(", ", tables.Take(ListedTables)) + (tables.Count > ListedTables ? ", ..." : string.Empty);
            throw new AdoptionRequiredException(
                $"{RunRefused}the database already has tables ({listed}) but no migration history, so every migration would run " +
                "against a schema that may already contain it; first record as applied every migration up to the newest one the schema already contains.",
                [])
            {
                NextSteps = [new NextStep(NextStepKind.Baseline)],
            };
        }
    }

    /// <summary>
    /// Stops a run whose pending migrations another tool's history table records as applied: they would run a second
    /// time. With Strata's history empty, that is a baseline covering migration files (<see cref="CheckAsync"/> let it
    /// through); once it has rows, a history started around <c>adopt</c> (by hand, or by an older Strata), or the other
    /// tool still running beside Strata. Only reads; called before anything is written.
    /// </summary>
    /// <param name="connection">An open connection to the database.</param>
    /// <param name="pending">The migrations the run would apply.</param>
    /// <param name="history">Strata's history rows, which say whether Strata adopted the other tool's table.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task CheckPendingAsync(NpgsqlConnection connection, IReadOnlyList<Migration> pending, IReadOnlyList<HistoryRecord> history, CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return;
        }

        // A table that records nothing covers no version, so each table is read once, in use or not.
        foreach (var table in (await ForeignHistoryDetector.DetectAsync(connection, scope, cancellationToken)).Where(t => t.MapsVersions))
        {
            var foreign = await ForeignHistoryReader.ReadAsync(connection, table, cancellationToken);
            var applied = pending.Where(m => foreign.Covers(m.Version)).Select(m => m.Version).ToList();
            if (applied.Count > 0)
            {
                throw PendingRefused(table, applied, history);
            }
        }
    }

    /// <summary>
    /// What <c>up</c> would refuse before running the pending migrations of <paramref name="ledger"/>, as the problem
    /// <c>validate</c> reports and <c>status</c> warns of, or null when it would go ahead. Only reads: neither takes
    /// the migration lock.
    /// </summary>
    public async Task<ValidationProblem?> ProblemAsync(NpgsqlConnection connection, MigrationLedger ledger, CancellationToken cancellationToken)
    {
        var pending = ledger.NotApplied.Select(e => e.File).ToList();
        if (pending.Count == 0)
        {
            return null;
        }

        try
        {
            if (ledger.Entries.All(e => e.Record is null))
            {
                await CheckAsync(connection, cancellationToken);
            }

            await CheckPendingAsync(connection, pending, ledger.Records, cancellationToken);

            return null;
        }
        catch (AdoptionRequiredException refused)
        {
            var reason = refused.Message.StartsWith(RunRefused, StringComparison.Ordinal) ? refused.Message[RunRefused.Length..] : refused.Message;
            return new ValidationProblem(ValidationProblemKind.AdoptionRequired, pending[0].Version, $"'strata up' would refuse to run the pending migrations: {reason}")
            {
                NextStep = refused.NextSteps.FirstOrDefault(),
            };
        }
    }

    // With Strata's history empty, adopt records what the table covers. Once Strata adopted the table, a version it
    // records that Strata's history lacks was most often rolled back by Strata since (down deletes Strata's row, never
    // the other tool's): stamping it would record as applied what is not. It may also have been applied by the other
    // tool after the adoption. Only the person knows which, so the refusal names both and offers no stamp first.
    private AdoptionRequiredException PendingRefused(ForeignHistoryTable table, IReadOnlyList<MigrationVersion> applied, IReadOnlyList<HistoryRecord> history)
    {
        var adopted = AdoptedFrom(history, table);
        var listed = string.Join(", ", applied.Take(ListedVersions)) + (applied.Count > ListedVersions ? $" and {applied.Count - ListedVersions} more" : string.Empty);
        var them = applied.Count == 1 ? "it" : "them";
        var stated = $"{RunRefused}{table.ToolName}'s history table {table.QualifiedName} records {listed} as applied, but Strata's history {scope.Ours} " +
            $"does not, so {(applied.Count == 1 ? "it" : "they")} would run again";
        if (history.Count == 0)
        {
            return new AdoptionRequiredException($"{stated}; import its history first (see docs/commands/adopt.md).", [table.QualifiedName])
            {
                NextSteps = [new NextStep(NextStepKind.Adopt)],
            };
        }

        var message = adopted
            ? $"{stated}. Strata adopted that table earlier: if Strata rolled {them} back since then, the table no longer describes this " +
                $"database, so drop or rename it; if {table.ToolName} applied {them} after the adoption, record each as applied without running it " +
                "(stamp) (see docs/commands/adopt.md)."
            : $"{stated}; record each as applied without running it (stamp), or, if that table no longer describes this database, drop or " +
                "rename it (see docs/commands/adopt.md).";
        return new AdoptionRequiredException(message, [table.QualifiedName])
        {
            NextSteps = adopted
                ? [new NextStep(NextStepKind.ShowStatus)]
                : [new NextStep(NextStepKind.Stamp, applied[0].Value), new NextStep(NextStepKind.ShowStatus)],
        };
    }

    // adopt writes applied_by adopt:<tool>, or adopt:<tool>+<tool> when it read several tables.
    private static bool AdoptedFrom(IReadOnlyList<HistoryRecord> history, ForeignHistoryTable table) =>
        history.Any(r => r.AppliedBy.StartsWith("adopt:", StringComparison.Ordinal)
            && r.AppliedBy["adopt:".Length..].Split('+').Contains(table.ToolId, StringComparer.Ordinal));

    private static string ForeignMessage(IReadOnlyList<ForeignHistoryTable> tables, bool runsMigrations)
    {
        var first = tables[0];
        var others = tables.Count > 1 ? $" (also found: {string.Join(", ", tables.Skip(1).Select(t => $"{t.ToolName} {t.QualifiedName}"))})" : string.Empty;
        var how = first.MapsVersions && tables.Count == 1
            ? "import its history first"
            : "import its history first, naming the newest migration file the database already contains";
        var consequence = runsMigrations
            ? $"so migrations {first.ToolName} already applied would run again"
            : $"and only an import of it may start Strata's history, or the next up would run again migrations {first.ToolName} already applied";
        return $"{(runsMigrations ? RunRefused : "Refusing to record migrations: ")}{first.QualifiedName} is {first.ToolName}'s history table{others} " +
            $"and Strata's history is empty, {consequence}; {how} (see docs/commands/adopt.md).";
    }

}
