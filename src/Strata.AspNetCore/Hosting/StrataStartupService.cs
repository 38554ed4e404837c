using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Strata.AspNetCore.Diagnostics;
using Strata.AspNetCore.Logging;
using Strata.Core.Errors;
using Strata.Core.Secrets;

namespace Strata.AspNetCore.Hosting;

/// <summary>
/// Resolves the database, and with migrate-on-start waits for it and applies the pending migrations, in
/// <see cref="StartingAsync"/>: the host runs every StartingAsync before it starts any hosted service, the web server
/// included, so no request is served before this finishes, and hosted services registered after <c>AddStrata</c> find
/// the schema migrated. A failure is logged as one line, chooses the exit code and aborts the start. With
/// <see cref="StrataOptions.MigrateInBackground"/> the migrations run after StartingAsync instead, while
/// <see cref="MigrationGate"/> lets only the health endpoints through; a failure then stops the app, and the host's stop
/// throws it, so that it reaches <c>app.Run()</c> as in the default mode. Ctrl-C or SIGTERM during the start is logged as
/// one line and ends the process with the exit code of a cancelled run.
/// </summary>
internal sealed class StrataStartupService(
    IServiceProvider services, IHostApplicationLifetime lifetime, StartupFailure failure, ILogger<StrataStartupService> logger)
    : IHostedLifecycleService, IDisposable
{
    private const string WithoutServing = "the app stops without serving requests";
    private const string AfterHealthOnly = "the app stops; it served only its health endpoints meanwhile";

    private readonly CancellationTokenSource _stopping = new();
    private Task _migration = Task.CompletedTask;
    private Exception? _backgroundFailure;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        // Resolved here rather than injected, so that a configuration error is logged like any other start failure.
        var options = services.GetRequiredService<IOptions<StrataOptions>>().Value;
        var database = services.GetRequiredService<StrataDatabase>();
        if (options.MigrateOnStart)
        {
            // Before the server can take a request: the gate and readiness must see it from the first one.
            database.Startup.Migrating();
        }

        try
        {
            await database.InitializeAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            database.Startup.Stopped();
            Cancelled("setting up the database");
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            database.Startup.Stopped();
            logger.SetupFailed(Code(ex), Describe(ex));
            failure.Arm(ex);
            throw;
        }

        if (options.MigrateOnStart && options.MigrateInBackground)
        {
            _migration = Task.Run(() => MigrateInBackgroundAsync(database, _stopping.Token), CancellationToken.None);
        }
        else if (options.MigrateOnStart)
        {
            try
            {
                await MigrateAsync(database, WithoutServing, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Cancelled("migrating on start");
                throw;
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _migration.WaitAsync(cancellationToken);

        // A failure in the background reaches app.Run() as a failed start does, so that an app which returns 0 once
        // Run returns, or catches StrataException to choose its code, treats both modes alike.
        if (Interlocked.Exchange(ref _backgroundFailure, null) is { } failed)
        {
            ExceptionDispatchInfo.Throw(failed);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _stopping.Dispose();

    private async Task MigrateInBackgroundAsync(StrataDatabase database, CancellationToken cancellationToken)
    {
        try
        {
            await MigrateAsync(database, AfterHealthOnly, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
        catch (Exception ex)
        {
            // Logged, and the exit code chosen, by MigrateAsync; StoppingAsync hands it to the host.
            _backgroundFailure = ex;
            lifetime.StopApplication();
        }
    }

    private async Task MigrateAsync(StrataDatabase database, string consequence, CancellationToken cancellationToken)
    {
        using var activity = Instruments.Source.StartActivity(StrataTelemetry.MigrateActivity);
        var clock = Stopwatch.StartNew();
        var outcome = "failed";
        try
        {
            await DatabaseStartupWait.RunAsync(database, database.Settings.WaitTimeout.Value, logger, database.Startup, cancellationToken);
            database.Startup.Migrating();
            logger.MigrateOnStartBeginning(database.Migrations.Description);

            // The engine takes the advisory migration lock and reads the history only once it holds it, so replicas
            // starting together queue on the lock and each migration is applied by exactly one of them.
            var result = await database.Migrator.UpAsync(cancellationToken: cancellationToken);
            Instruments.MigrationsApplied.Add(result.Migrations.Count);
            activity?.SetTag("strata.migrations.applied", result.Migrations.Count);
            if (result.Migrations.Count == 0)
            {
                logger.MigrateOnStartUpToDate();
            }
            else
            {
                logger.MigrateOnStartApplied(
                    result.Migrations.Count, string.Join(", ", result.Migrations.Select(m => m.Version.Value)), clock.ElapsedMilliseconds);
            }

            outcome = "applied";
            database.Startup.Finished();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = "cancelled";
            database.Startup.Stopped();
            throw;
        }
        catch (Exception ex)
        {
            var reason = Describe(ex);
            logger.MigrateOnStartFailed(Code(ex), reason, consequence);
            activity?.SetStatus(ActivityStatusCode.Error, Code(ex));
            database.Startup.Failed(reason);
            failure.Arm(ex);
            throw;
        }
        finally
        {
            Instruments.MigrateDuration.Record(clock.Elapsed.TotalSeconds, new KeyValuePair<string, object?>("strata.outcome", outcome));
            activity?.SetTag("strata.outcome", outcome);
        }
    }

    // One line instead of the host's unhandled TaskCanceledException: the exception still aborts the start, and the exit
    // code is the one the strata command gives a cancelled run.
    private void Cancelled(string step)
    {
        logger.StartCancelled(step);
        failure.Arm(StartupFailure.CancelledExitCode, typeof(OperationCanceledException));
    }

    private static string Code(Exception exception) => exception is StrataException strata ? strata.Code : exception.GetType().Name;

    // Strata's own messages are one line and secret-free; anything else is redacted before it reaches a log. Next
    // steps are said in plain words: the flags the command line would suggest mean nothing to a web host's operator.
    private static string Describe(Exception exception) => exception switch
    {
        StrataException { NextSteps.Count: > 0 } strata => $"{strata.Message} (next: {NextStep.DescribeAll(strata.NextSteps)})",
        StrataException strata => strata.Message,
        _ => SecretRedactor.Redact(exception.Message),
    };
}
