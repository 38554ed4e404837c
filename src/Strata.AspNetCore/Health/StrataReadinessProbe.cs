using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.AspNetCore.Diagnostics;
using Strata.AspNetCore.Logging;
using Strata.Core.Connections;
using Strata.Core.Errors;
using Strata.Core.Migrations;
using Strata.Core.Planning;
using Strata.Core.Secrets;

namespace Strata.AspNetCore.Health;

/// <summary>
/// Decides whether the app may take traffic: the database answers within <see cref="StrataOptions.ReadyTimeout"/>,
/// and every pre-deploy migration the app ships is applied (so the applied version is at least the newest of them). A
/// database ahead of the app, with newer migrations from a newer release, is ready; so is one whose only pending
/// migrations are post-deploy ones, which by design run after this release is rolled out and stable.
/// </summary>
public sealed class StrataReadinessProbe
{
    private readonly StrataDatabase _database;
    private readonly TimeSpan _timeout;
    private readonly ILogger _logger;

    /// <summary>Creates the probe; <c>AddStrata</c> registers one as a singleton.</summary>
    public StrataReadinessProbe(StrataDatabase database, StrataOptions options, ILogger<StrataReadinessProbe> logger)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        _database = database;
        _timeout = options.ReadyTimeout;
        _logger = logger;
    }

    /// <summary>
    /// Runs one check. Never throws for a database problem: the result says what is wrong. While migrate-on-start
    /// runs, the app is not ready and the problem starts with <c>migrating:</c>.
    /// </summary>
    public async Task<StrataReadiness> CheckAsync(CancellationToken cancellationToken)
    {
        using var activity = Instruments.Source.StartActivity(StrataTelemetry.ReadinessActivity);
        var readiness = await CheckOnceAsync(cancellationToken);
        activity?.SetTag("strata.ready", readiness.IsReady);
        if (!readiness.IsReady)
        {
            activity?.SetStatus(ActivityStatusCode.Error, readiness.Problem);
        }

        Instruments.ReadinessDuration.Record(readiness.Duration.TotalSeconds, new KeyValuePair<string, object?>("strata.ready", readiness.IsReady));
        return readiness;
    }

    private async Task<StrataReadiness> CheckOnceAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await _database.InitializeAsync(cancellationToken);
        MigrationVersion? expected;
        MigrationVersion? required;
        try
        {
            var shipped = await _database.Migrations.LoadAsync(cancellationToken);
            expected = shipped.Count == 0 ? null : shipped[^1].Version;
            required = shipped.LastOrDefault(m => m.Phase == MigrationPhase.Pre)?.Version;
        }
        catch (StrataException ex)
        {
            return Report(new StrataReadiness(false, false, null, null, null, clock.Elapsed, $"the app's migrations cannot be read: {ex.Message}"));
        }

        if (_database.Startup.Problem is { } starting)
        {
            return Report(new StrataReadiness(false, _database.Startup.DatabaseReachable, null, expected, null, clock.Elapsed, starting));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        var reading = _database.Migrator.StatusAsync(timeout.Token);
        try
        {
            // Npgsql does not stop opening a connection when told to (a server that accepts but never answers is waited
            // for until the connect timeout): the check answers at its deadline whatever the read does, which ends by
            // itself and closes what it opened.
            var status = await reading.WaitAsync(timeout.Token);
            return Report(Judge(status, expected, required, clock.Elapsed));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            AbandonedTask.Observe(reading);
            return Report(Unreachable(expected, clock, $"the database did not answer within {_timeout.TotalSeconds:0.###} s"));
        }
        catch (OperationCanceledException)
        {
            AbandonedTask.Observe(reading);
            throw;
        }
        catch (Exception ex) when (Unreachable(ex) is { } reason)
        {
            return Report(Unreachable(expected, clock, reason));
        }
        catch (StrataException ex)
        {
            return Report(new StrataReadiness(false, true, null, expected, null, clock.Elapsed, ex.Message));
        }
    }

    // The app runs its code against the schema its pre-deploy migrations make: a post-deploy one still pending (the
    // deploy applies those once this release is stable) neither delays readiness nor counts as skipped.
    private static StrataReadiness Judge(StatusResult status, MigrationVersion? expected, MigrationVersion? required, TimeSpan elapsed)
    {
        var applied = status.CurrentVersion;
        var pending = status.PendingCount;
        var pendingPre = status.Migrations.Count(m => (m.State is MigrationState.Pending or MigrationState.OutOfOrder) && m.Phase == MigrationPhase.Pre);
        // Only a pre-deploy migration this release ships leaves, when it stops part-way, a schema other than the code
        // expects. A newer release's transaction:false migration (running now during its deploy, or interrupted) and a
        // post-deploy one are written to work beside the code that serves while they run.
        var unfinished = status.Migrations.FirstOrDefault(m => m.State == MigrationState.Interrupted && m.Source is not null && m.Phase == MigrationPhase.Pre);
        string? problem = null;
        if (unfinished is not null)
        {
            problem = unfinished.ResumesBackfill
                ? $"migration {unfinished.Version} stopped in its batched backfill: unless a run is still going, strata up resumes it"
                : $"migration {unfinished.Version} did not finish (transaction:false): unless a run is still going, resolve it with strata repair";
        }
        else if (required is { } newest && (applied is null || applied < newest))
        {
            var behind = applied is null
                ? $"no migration is applied; the app expects version {expected}"
                : $"the database is at version {applied}, the app expects {expected} ({pending} pending)";
            // Where up would refuse until another tool's history is adopted, saying "strata up" would send the operator in a circle.
            problem = status.Refusal is { } refused ? $"{behind}; {refused.Message}" : $"{behind}: apply the migrations (strata up)";
        }
        else if (pendingPre > 0)
        {
            problem = $"{pendingPre} migration(s) the app ships are not applied although newer ones are (out of order): apply them (strata up --allow-out-of-order)";
        }

        return new StrataReadiness(problem is null, true, applied, expected, pending, elapsed, problem);
    }

    // The words of migrate-on-start's wait (event 1614) for what Npgsql reported, rather than the engine's advice to
    // run a command again, which means nothing to a web host's operator.
    private string? Unreachable(Exception exception) => exception switch
    {
        ConnectionFailedException { InnerException: NpgsqlException npgsql } when Translate(npgsql) is { } failure => failure.Message,
        ConnectionFailedException failed => failed.Message,
        NpgsqlException npgsql when Translate(npgsql) is { } failure => failure.Message,
        _ => null,
    };

    private ConnectionFailedException? Translate(NpgsqlException exception) => DatabaseConnector.TranslateFailure(exception, _database.Connection.Settings);

    private static StrataReadiness Unreachable(MigrationVersion? expected, Stopwatch clock, string reason) =>
        new(false, false, null, expected, null, clock.Elapsed, SecretRedactor.Redact(reason));

    private StrataReadiness Report(StrataReadiness readiness)
    {
        _logger.ReadinessChecked(
            readiness.DatabaseReachable,
            readiness.AppliedVersion?.Value ?? "none",
            readiness.ExpectedVersion?.Value ?? "none",
            readiness.PendingCount ?? -1,
            readiness.Problem ?? "ready");
        return readiness;
    }
}
