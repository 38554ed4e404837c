using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Strata.AspNetCore.Logging;
using Strata.Core.Errors;
using Strata.Core.Secrets;

namespace Strata.AspNetCore.Hosting;

/// <summary>
/// Sets the database up, and with migrate-on-start applies pending migrations, in <see cref="StartingAsync"/>: the
/// host runs every StartingAsync before it starts any hosted service, the web server included, so no request is
/// served before this finishes. A failure is logged and rethrown, which aborts the host's start.
/// </summary>
internal sealed class StrataStartupService(IServiceProvider services, ILogger<StrataStartupService> logger)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        // Resolved here rather than injected, so that a configuration error is logged like any other start failure.
        StrataOptions options;
        StrataDatabase database;
        try
        {
            options = services.GetRequiredService<StrataOptions>();
            database = services.GetRequiredService<StrataDatabase>();
            await database.InitializeAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.SetupFailed(Code(ex), Describe(ex));
            throw;
        }

        if (options.MigrateOnStart)
        {
            await MigrateAsync(database, cancellationToken);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task MigrateAsync(StrataDatabase database, CancellationToken cancellationToken)
    {
        logger.MigrateOnStartBeginning(database.Migrations.Description);
        var clock = Stopwatch.StartNew();
        try
        {
            // The engine takes the advisory migration lock and reads the history only once it holds it, so replicas
            // starting together queue on the lock and each migration is applied by exactly one of them.
            var result = await database.Migrator.UpAsync(cancellationToken: cancellationToken);
            if (result.Migrations.Count == 0)
            {
                logger.MigrateOnStartUpToDate();
            }
            else
            {
                logger.MigrateOnStartApplied(
                    result.Migrations.Count, string.Join(", ", result.Migrations.Select(m => m.Version.Value)), clock.ElapsedMilliseconds);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.MigrateOnStartFailed(Code(ex), Describe(ex));
            throw;
        }
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
