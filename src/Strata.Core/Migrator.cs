using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Strata.Core.Adoption;
using Strata.Core.Configuration;
using Strata.Core.Data;
using Strata.Core.Diagnostics;
using Strata.Core.Errors;
using Strata.Core.Execution;
using Strata.Core.History;
using Strata.Core.Logging;
using Strata.Core.Migrations;
using Strata.Core.Planning;

namespace Strata.Core;

/// <summary>
/// The migration engine: one method per command, each returning a result record. Commands that change the database
/// take the migration lock and read the history after taking it. See docs/history-table.md,
/// docs/locking-and-timeouts.md and docs/failure-recovery.md.
/// </summary>
public sealed class Migrator
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly IMigrationSource _source;
    private readonly MigratorOptions _options;
    private readonly ILogger _logger;
    private readonly HistoryStore _history;
    private readonly StepSql _steps;
    private readonly StepRunner _runner;
    private readonly AdoptionGuard _guard;
    private readonly AdoptionGuard _recordGuard;

    /// <summary>Creates the engine; <paramref name="options"/> are validated here (<see cref="ConfigurationException"/>).</summary>
    /// <param name="dataSource">Where the database is; the engine opens two connections from it while it works.</param>
    /// <param name="source">Where the migrations are.</param>
    /// <param name="options">The settings; null for the defaults.</param>
    /// <param name="logger">Where progress is reported; null for none.</param>
    internal Migrator(NpgsqlDataSource dataSource, IMigrationSource source, MigratorOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(source);
        if (new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).Multiplexing)
        {
            // The migration lock, session settings and explicit transactions all need one session per connection.
            throw new ConfigurationException("The database connection uses Npgsql multiplexing, which migrations cannot run over: turn Multiplexing off.");
        }

        _dataSource = dataSource;
        _source = source;
        _options = options ?? new MigratorOptions();
        _options.Validate();
        _logger = logger ?? NullLogger.Instance;
        _history = new HistoryStore(_options.HistoryTable, _logger);
        _steps = new StepSql(_history.Sql, _options);
        _guard = new AdoptionGuard(GuardScope.From(_options), runsMigrations: true);
        _recordGuard = new AdoptionGuard(GuardScope.From(_options), runsMigrations: false);
        var retry = new LockRetryPolicy(_options.LockRetryAttempts, _options.LockRetryBaseDelay, _options.LockRetryMaxDelay, _options.LockRetryDelay);
        _runner = new StepRunner(_steps, new TransactionalExecutor(_steps, retry, _logger), new NonTransactionalExecutor(_steps, retry, _logger), _logger);
    }

    /// <summary>The validated settings.</summary>
    public MigratorOptions Options => _options;

    /// <summary>Applies pending migrations in version order (all, up to a version, or a number of them).</summary>
    /// <param name="target">How far to go; null for all pending migrations.</param>
    /// <param name="dryRun">Only plan: read the history and return what would run, executing nothing.</param>
    /// <param name="cancellationToken">Cancels the running statement, rolls back its transaction and releases the lock.</param>
    public Task<MigrationRunResult> UpAsync(MigrationTarget? target = null, bool dryRun = false, CancellationToken cancellationToken = default) =>
        UpAsync(target, dryRun, NoPreflight, cancellationToken);

    /// <summary>
    /// Applies pending migrations as <see cref="UpAsync(MigrationTarget?, bool, CancellationToken)"/>, handing the planned
    /// migrations to <paramref name="preflight"/> first, so a check of what will run reads neither the files nor the history again.
    /// </summary>
    internal Task<MigrationRunResult> UpAsync(MigrationTarget? target, bool dryRun, UpPreflight preflight, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            var loading = LoadMigrationsAsync(cancellationToken, splitStatements: false);
            if (dryRun)
            {
                var snapshot = await ReadAsync(loading, cancellationToken, guarded: true);
                var planned = UpPlanner.Plan(snapshot.Ledger, target ?? MigrationTarget.All, _options);
                await preflight(snapshot.Ledger.AppliedFiles, planned.Migrations, cancellationToken);
                TransactionPreflight.Check(planned.Migrations, MigrationDirection.Up, snapshot.ServerMajorVersion);
                await CheckForeignAppliedAsync(snapshot, planned.Migrations, cancellationToken);
                return StepRunner.DryRun(planned.Migrations, MigrationDirection.Up) with { LeftPending = LeftPending(snapshot.Ledger, planned) };
            }

            await using var session = await WhileLoadingAsync(
                loading, () => OpenSessionAsync(cancellationToken, _guard, async records => SplitUnapplied(await loading, records).Any(m => UpPlanner.MayReach(target ?? MigrationTarget.All, m))));
            UpPlan plan;
            int left;
            using (TimingTrace.Measure("plan and pre-flight checks"))
            {
                var ledger = new MigrationLedger(await loading, session.History);
                plan = UpPlanner.Plan(ledger, target ?? MigrationTarget.All, _options);
                left = LeftPending(ledger, plan);
                await preflight(ledger.AppliedFiles, plan.Migrations, cancellationToken);
                TransactionPreflight.Check(plan.Migrations, MigrationDirection.Up, session.ServerMajorVersion);
                await _guard.CheckPendingAsync(session.ReadConnection, plan.Migrations, session.History, cancellationToken);
            }

            // On a first run the history table is created only now, once the plan and its checks have passed, so that a
            // refused run (a bad target, a phase refused, a lint error) leaves the database as it was.
            if (session.HistoryTableMissing)
            {
                await session.ConnectionAsync(cancellationToken);
            }

            await PrepareUpAsync(session, plan, cancellationToken);
            using var timing = TimingTrace.Measure("migrations (run and record)");
            return await _runner.RunAsync(session, plan.Migrations, MigrationDirection.Up, cancellationToken) with { LeftPending = left };
        });

    /// <summary>Rolls back applied migrations, newest version first, with their down sections.</summary>
    /// <param name="target">How far to go; null for one migration.</param>
    /// <param name="cancellationToken">Cancels the running statement, rolls back its transaction and releases the lock.</param>
    public Task<MigrationRunResult> DownAsync(MigrationTarget? target = null, CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            var migrations = await LoadMigrationsAsync(cancellationToken);
            await using var session = await OpenSessionAsync(cancellationToken);
            var plan = DownPlanner.Plan(new MigrationLedger(migrations, session.History), target ?? MigrationTarget.Steps(1), _options);
            TransactionPreflight.Check(plan, MigrationDirection.Down, session.ServerMajorVersion);
            return await _runner.RunAsync(session, plan, MigrationDirection.Down, cancellationToken);
        });

    /// <summary>Rolls back the newest applied migration and applies it again, under one lock.</summary>
    internal Task<RedoResult> RedoAsync(CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            var migrations = await LoadMigrationsAsync(cancellationToken);
            await using var session = await OpenSessionAsync(cancellationToken, _guard);
            var plan = DownPlanner.Plan(new MigrationLedger(migrations, session.History), MigrationTarget.Steps(1), _options);
            TransactionPreflight.Check(plan, MigrationDirection.Down, session.ServerMajorVersion);
            TransactionPreflight.Check(plan, MigrationDirection.Up, session.ServerMajorVersion);
            var down = await _runner.RunAsync(session, plan, MigrationDirection.Down, cancellationToken);
            // With nothing applied there is nothing to apply again, whatever is pending.
            if (plan.Count == 0)
            {
                return new RedoResult(down, new MigrationRunResult(MigrationDirection.Up, DryRun: false, []));
            }

            try
            {
                return new RedoResult(down, await _runner.RunAsync(session, plan, MigrationDirection.Up, cancellationToken));
            }
            catch (Exception ex)
            {
                // The down half is committed: the failure says so, as a failed up says what it applied before.
                PartialRun.Attach(ex, down);
                throw;
            }
        });

    /// <summary>
    /// Every migration of the source and the history with its state, and a summary; with migrations pending, whether
    /// <c>up</c> would refuse them until they are adopted.
    /// </summary>
    public Task<StatusResult> StatusAsync(CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            var snapshot = await ReadAsync(LoadMigrationsAsync(cancellationToken, splitStatements: false), cancellationToken);
            var status = StatusReport.Status(snapshot.Ledger, _options.HistoryTable, snapshot.TableExists);
            var interrupted = snapshot.Ledger.InState(MigrationState.Interrupted).Any();
            if (!interrupted && status.PendingCount == 0)
            {
                return status;
            }

            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            status = status with { Refusal = await _guard.ProblemAsync(connection, snapshot.Ledger, cancellationToken) };
            return interrupted ? await InterruptionNotes.AddAsync(status, snapshot.Ledger, connection, _history, _logger, cancellationToken) : status;
        });

    /// <summary>The history rows in the order they were applied.</summary>
    internal Task<HistoryResult> HistoryAsync(CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            var records = await _history.TryLoadAsync(connection, cancellationToken);
            return new HistoryResult(_options.HistoryTable, records is not null, records ?? []);
        });

    /// <summary>
    /// Edited, missing, out-of-order (unless allowed) and interrupted migrations, and pending ones <c>up</c> would refuse
    /// until they are adopted; the command fails when there are any.
    /// </summary>
    public Task<ValidationResult> ValidateAsync(CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            var migrations = await LoadMigrationsAsync(cancellationToken);
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            var ledger = new MigrationLedger(migrations, await _history.TryLoadAsync(connection, cancellationToken) ?? []);
            var notes = (await new Repairer(_history, _logger).InspectAsync(connection, ledger, cancellationToken))
                .Where(i => i.InvalidIndexesNote is not null || i.Backfill is not null)
                .ToDictionary(i => i.Version, i => (i.InvalidIndexesNote is { } invalid ? "; " + invalid : "") +
                    (i.Backfill is { } backfill ? "; " + backfill.Describe() : ""));
            var holder = ledger.InState(MigrationState.Interrupted).Any() ? await InterruptionNotes.LockHolderAsync(connection, _history, cancellationToken) : null;
            var result = StatusReport.Validate(ledger, _options, notes, holder?.ToString());
            return await _guard.ProblemAsync(connection, ledger, cancellationToken) is { } refused
                ? result with { Problems = [.. result.Problems, refused] }
                : result;
        });

    /// <summary>Records migration <paramref name="version"/> as applied without running it (it was applied by hand).</summary>
    internal Task<StampResult> StampAsync(MigrationVersion version, CancellationToken cancellationToken = default) =>
        WithLedgerAsync(async (recorder, session, ledger) => await recorder.StampAsync(session, ledger, version, cancellationToken), _recordGuard, cancellationToken);

    /// <summary>Removes the history row of <paramref name="version"/> without running its down section.</summary>
    /// <remarks>On an inconsistent history table (<see cref="HistoryInconsistentException"/>) it removes every row of the version, however spelled.</remarks>
    internal async Task<StampResult> UnstampAsync(MigrationVersion version, CancellationToken cancellationToken = default)
    {
        try
        {
            return await WithLedgerAsync(async (recorder, session, ledger) => await recorder.UnstampAsync(session, ledger, version, cancellationToken), null, cancellationToken);
        }
        catch (HistoryInconsistentException)
        {
            return await GuardAsync(() => new HistoryRecorder(_history, _logger).UnstampEverySpellingAsync(_dataSource, _options, version, cancellationToken));
        }
    }

    /// <summary>Adopts a database with no history: records every migration up to <paramref name="version"/> as applied.</summary>
    internal Task<StampResult> BaselineAsync(MigrationVersion version, CancellationToken cancellationToken = default) =>
        WithLedgerAsync(async (recorder, session, ledger) => await recorder.BaselineAsync(session, ledger, version, cancellationToken), _recordGuard, cancellationToken);

    /// <summary>
    /// Applies pending migrations like <see cref="UpAsync(MigrationTarget?, bool, CancellationToken)"/>, but on a database with no
    /// history first records every migration up to <paramref name="baseline"/> as applied (as <see cref="BaselineAsync"/>), under
    /// the same lock. With a history, <paramref name="baseline"/> is ignored.
    /// </summary>
    /// <param name="baseline">The newest migration the existing schema already contains.</param>
    /// <param name="target">How far to go; null for all pending migrations.</param>
    /// <param name="cancellationToken">Cancels the running statement, rolls back its transaction and releases the lock.</param>
    public Task<MigrationRunResult> BaselineAndUpAsync(MigrationVersion baseline, MigrationTarget? target = null, CancellationToken cancellationToken = default) =>
        BaselineAndUpAsync(baseline, target, NoPreflight, cancellationToken);

    /// <summary>
    /// As <see cref="BaselineAndUpAsync(MigrationVersion, MigrationTarget?, CancellationToken)"/>, handing the planned
    /// migrations (those after the baseline) to <paramref name="preflight"/> before applying them.
    /// </summary>
    internal Task<MigrationRunResult> BaselineAndUpAsync(MigrationVersion baseline, MigrationTarget? target, UpPreflight preflight, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            var migrations = await LoadMigrationsAsync(cancellationToken);
            await using var session = await OpenSessionAsync(cancellationToken, _recordGuard);
            var history = session.History;
            if (history.Count == 0)
            {
                await new HistoryRecorder(_history, _logger).BaselineAsync(session, new MigrationLedger(migrations, history), baseline, cancellationToken);
                history = await _history.TryLoadAsync(await session.ConnectionAsync(cancellationToken), cancellationToken) ?? [];
            }

            var ledger = new MigrationLedger(migrations, history);
            var plan = UpPlanner.Plan(ledger, target ?? MigrationTarget.All, _options);
            await preflight(ledger.AppliedFiles, plan.Migrations, cancellationToken);
            TransactionPreflight.Check(plan.Migrations, MigrationDirection.Up, session.ServerMajorVersion);
            await _guard.CheckPendingAsync(session.ReadConnection, plan.Migrations, session.History, cancellationToken);

            await PrepareUpAsync(session, plan, cancellationToken);
            return await _runner.RunAsync(session, plan.Migrations, MigrationDirection.Up, cancellationToken);
        });

    /// <summary>
    /// Imports another migration tool's history into Strata's empty history (see docs/commands/adopt.md): dbmate,
    /// golang-migrate and Flyway versions map one to one; for other tools give <paramref name="to"/>, which records every
    /// migration up to it. The other tool's table is only read; the rows are written in one transaction under the lock.
    /// </summary>
    /// <param name="to">Record every migration up to this version instead of reading the other tool's versions.</param>
    /// <param name="dryRun">Only report what would be recorded; take no lock and write nothing.</param>
    /// <param name="cancellationToken">Cancels the command; nothing is recorded then.</param>
    internal Task<AdoptResult> AdoptAsync(MigrationVersion? to = null, bool dryRun = false, CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            var migrations = await LoadMigrationsAsync(cancellationToken);
            var adopter = new Adopter(_dataSource, _history, _options, _logger);
            return dryRun
                ? await adopter.PreviewAsync(migrations, to, cancellationToken)
                : await adopter.AdoptAsync(migrations, to, cancellationToken);
        });

    /// <summary>
    /// Records every migration up to <paramref name="version"/> as applied, without running them, on a database with no
    /// history at all (neither Strata's nor another tool's): for a version found by comparing schemas. The rows carry
    /// <c>applied_by</c> <c>adopt:detect</c> and are written in one transaction under the lock, as an import's are.
    /// </summary>
    /// <param name="version">The newest migration the schema contains; null records nothing.</param>
    /// <param name="cancellationToken">Cancels the command; nothing is recorded then.</param>
    internal Task<AdoptResult> AdoptDetectedAsync(MigrationVersion? version, CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            var migrations = await LoadMigrationsAsync(cancellationToken);
            if (version is { } v && !migrations.Any(m => m.Version == v))
            {
                throw new ConfigurationException($"There is no migration with version {v} to record up to.");
            }

            return await new Adopter(_dataSource, _history, _options, _logger).AdoptDetectedAsync(migrations, version, cancellationToken);
        });

    /// <summary>
    /// Refuses a database with a history (Strata's with rows, or another tool's in use); only reads. Returns the other
    /// tools' tables that record nothing (schema.name as <c>quote_ident</c> writes them), which are not the application's.
    /// </summary>
    internal Task<IReadOnlyList<string>> CheckNoHistoryAsync(CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            var (_, unused) = await new Adopter(_dataSource, _history, _options, _logger).CheckNoHistoryAsync(connection, cancellationToken);
            return unused;
        });

    /// <summary>The SQL <c>up</c> would run, bookkeeping included; reads the history and executes nothing.</summary>
    internal Task<ScriptResult> ScriptAsync(MigrationTarget? target = null, CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            var snapshot = await ReadAsync(LoadMigrationsAsync(cancellationToken, splitStatements: false), cancellationToken, guarded: true);
            // A script cannot resume a backfill part-way: that takes the run's own progress rows.
            LedgerGuards.RefuseInterrupted(snapshot.Ledger, "migrate");
            var plan = UpPlanner.Plan(snapshot.Ledger, target ?? MigrationTarget.All, _options);
            TransactionPreflight.Check(plan.Migrations, MigrationDirection.Up, snapshot.ServerMajorVersion);
            await CheckForeignAppliedAsync(snapshot, plan.Migrations, cancellationToken);
            // up adds the phase column only to a table that lacks it (ALTER TABLE needs the table's owner even when
            // the column exists), so the script does too.
            var addPhaseColumn = snapshot.TableExists && !await HasPhaseColumnAsync(cancellationToken);
            var sql = new ScriptBuilder(_steps, _history.Sql, _options.HistoryTable)
                .Build(plan, !snapshot.SchemaExists, !snapshot.TableExists, addPhaseColumn);
            return new ScriptResult(sql, plan.Migrations.Select(m => m.Version).ToList());
        });

    /// <summary>Reports interrupted <c>transaction:false</c> migrations and, unless only inspecting, resolves one.</summary>
    /// <param name="action">Inspect only, or how to resolve the interrupted migration.</param>
    /// <param name="version">Which migration to resolve; may be omitted when only one is interrupted.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    internal Task<RepairResult> RepairAsync(RepairAction action = RepairAction.Inspect, MigrationVersion? version = null, CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            var migrations = await LoadMigrationsAsync(cancellationToken);
            var repairer = new Repairer(_history, _logger);
            if (action == RepairAction.Inspect)
            {
                await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
                var ledger = new MigrationLedger(migrations, await _history.TryLoadAsync(connection, cancellationToken) ?? []);
                var interrupted = await repairer.InspectAsync(connection, ledger, cancellationToken);
                var holder = interrupted.Count == 0 ? null : await InterruptionNotes.LockHolderAsync(connection, _history, cancellationToken);
                return new RepairResult(interrupted, action, null, holder);
            }

            await using var session = await OpenSessionAsync(cancellationToken);
            var locked = new MigrationLedger(migrations, session.History);
            var found = await repairer.InspectAsync(session.ReadConnection, locked, cancellationToken);
            var resolved = await repairer.ResolveAsync(session, locked, found, action, version, cancellationToken);
            return new RepairResult(found, action, resolved);
        });

    // As a run would (its session checks the same): pending migrations another tool recorded as applied are refused,
    // not listed as what would run.
    private async Task CheckForeignAppliedAsync(Snapshot snapshot, IReadOnlyList<Migration> pending, CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return;
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await _guard.CheckPendingAsync(connection, pending, snapshot.Ledger.Records, cancellationToken);
    }

    // The pending migrations a target or phase leaves for later, so "nothing to apply" is not taken for "up to date".
    private static int LeftPending(MigrationLedger ledger, UpPlan plan) => Math.Max(0, ledger.NotApplied.Count() - plan.Migrations.Count);

    private static Task NoPreflight(IReadOnlyList<Migration> applied, IReadOnlyList<Migration> migrations, CancellationToken cancellationToken) => Task.CompletedTask;

    // With splitStatements false, a directory's files are read and checksummed but their sections are split into
    // statements only when the command asks for them: SplitUnapplied does it, once the history says which files may
    // run, and before anything is written. Other sources split everything as they load.
    private async Task<IReadOnlyList<Migration>> LoadMigrationsAsync(CancellationToken cancellationToken, bool splitStatements = true)
    {
        // Yields first, so a caller that starts the load goes on to its round trips while the files are read.
        await Task.Yield();
        using var timing = TimingTrace.Measure("migration files (list, read, parse, checksum)");
        return _source is DirectoryMigrationSource directory
            ? await directory.LoadAsync(_logger, splitStatements, cancellationToken)
            : await _source.LoadAsync(cancellationToken);
    }

    // Every file without an applied history row may run, so each is split now, and the first broken one in version
    // order is the error, as when every file was split on reading (even one beyond the target); returns those files,
    // so that `up` opens a connection to run migrations on only when its target reaches one. An applied file's
    // statements are never needed to check it: its checksum is.
    private static IReadOnlyList<Migration> SplitUnapplied(IReadOnlyList<Migration> migrations, IReadOnlyList<HistoryRecord>? records)
    {
        var unapplied = migrations;
        if (records is { Count: > 0 })
        {
            var applied = new HashSet<MigrationVersion>(records.Count);
            foreach (var record in records)
            {
                if (record.Status == HistoryStatus.Applied)
                {
                    applied.Add(record.Version);
                }
            }

            unapplied = migrations.Where(m => !applied.Contains(m.Version)).ToList();
        }

        MigrationCatalog.SplitStatements(unapplied);
        return unapplied;
    }

    private async Task PrepareUpAsync(MigrationSession session, UpPlan plan, CancellationToken cancellationToken)
    {
        foreach (var migration in plan.Migrations.Where(m => m.Up.IsEmpty))
        {
            _logger.EmptyUpSection(MigrationNames.Id(migration), migration.Source, migration.Up.DirectiveLine);
        }

        foreach (var id in plan.Missing)
        {
            _logger.AppliedMigrationMissing(id);
        }

        foreach (var id in plan.OutOfOrder)
        {
            _logger.ApplyingOutOfOrder(id);
        }

        foreach (var edited in plan.EditedToAccept)
        {
            _logger.AcceptingEdited(MigrationNames.Id(edited), edited.Checksum.ToString());
        }

        if (plan.EditedToAccept.Count > 0)
        {
            await _history.ExecuteAsync(await session.ConnectionAsync(cancellationToken), plan.EditedToAccept.Select(_history.Sql.AcceptEdited), cancellationToken);
        }
    }

    // The guard, when given, refuses to write the first rows of Strata's history where another tool's history says more.
    private Task<StampResult> WithLedgerAsync(
        Func<HistoryRecorder, MigrationSession, MigrationLedger, Task<StampResult>> action, AdoptionGuard? guard, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            var migrations = await LoadMigrationsAsync(cancellationToken);
            await using var session = await OpenSessionAsync(cancellationToken, guard);
            try
            {
                return await action(new HistoryRecorder(_history, _logger), session, new MigrationLedger(migrations, session.History));
            }
            catch (PostgresException ex) when (HistoryRefusal.IsRefusal(ex))
            {
                // Each command writes its rows in one statement or one batch: a refused write records nothing.
                throw HistoryRefusal.Write(_options.HistoryTable, ex, "nothing was recorded");
            }
        });

    private Task<MigrationSession> OpenSessionAsync(
        CancellationToken cancellationToken, AdoptionGuard? guard = null, Func<IReadOnlyList<HistoryRecord>?, Task<bool>>? filesReady = null) =>
        MigrationSession.OpenAsync(_dataSource, _history, _options, _logger, guard, filesReady, cancellationToken);

    private async Task<bool> HasPhaseColumnAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await _history.HasPhaseColumnAsync(connection, cancellationToken);
    }

    // Read-only commands take no lock and never create the history table.
    private async Task<Snapshot> ReadAsync(Task<IReadOnlyList<Migration>> loading, CancellationToken cancellationToken, bool guarded = false)
    {
        var (records, schemaExists, serverMajorVersion) = await WhileLoadingAsync(loading, async () =>
        {
            NpgsqlConnection connection;
            using (TimingTrace.Measure("connect"))
            {
                connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            }

            await using (connection)
            {
                IReadOnlyList<HistoryRecord>? records;
                using (TimingTrace.Measure("history read"))
                {
                    records = await _history.TryLoadAsync(connection, cancellationToken);
                }

                if (guarded && records is null or { Count: 0 })
                {
                    await _guard.CheckAsync(connection, cancellationToken);
                }

                var schemaExists = records is not null || await _history.SchemaExistsAsync(connection, cancellationToken);
                return (records, schemaExists, connection.PostgreSqlVersion.Major);
            }
        });
        var migrations = await loading;
        SplitUnapplied(migrations, records);
        return new Snapshot(new MigrationLedger(migrations, records ?? []), records is not null, schemaExists, serverMajorVersion);
    }

    // The migration files are read and checksummed while the database round trips are in flight. A broken file is
    // still the error reported when the database cannot be reached either, as when the files were read first: when
    // the work fails, every file is split to find one.
    private static async Task<T> WhileLoadingAsync<T>(Task<IReadOnlyList<Migration>> loading, Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (Exception)
        {
            MigrationCatalog.SplitStatements(await loading);
            throw;
        }
    }

    private static async Task<T> GuardAsync<T>(Func<Task<T>> command)
    {
        try
        {
            return await command();
        }
        catch (NpgsqlException ex) when (ConnectionErrors.IsConnectionFailure(ex))
        {
            throw new ConnectionFailedException(
                $"Could not work with the database ({ServerErrorText.Describe(ex)}): check that it is running and reachable, then run the command again.", ex);
        }
    }

    private sealed record Snapshot(MigrationLedger Ledger, bool TableExists, bool SchemaExists, int ServerMajorVersion);
}
