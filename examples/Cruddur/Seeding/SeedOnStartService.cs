using Strata.AspNetCore;
using Strata.Core.Errors;

namespace Cruddur.Seeding;

/// <summary>
/// With <c>Cruddur:SeedOnStart</c>, loads the development data embedded under db/seeds once Strata has migrated: while
/// the host starts (it is registered after AddStrata, and StartingAsync runs in registration order), or, with
/// <c>Strata:MigrateInBackground</c>, once the migration in the background has finished, and not at all when it failed.
/// Refuses any database Strata does not allow seeding (only the local default, or a strata.json environment with
/// allowSeed).
/// </summary>
public sealed class SeedOnStartService(
    StrataDatabase database, IConfiguration configuration, IHostApplicationLifetime lifetime, ILogger<SeedOnStartService> logger)
    : IHostedLifecycleService, IDisposable
{
    public const string SettingName = "Cruddur:SeedOnStart";
    private const string Folder = "db/seeds/";

    private readonly CancellationTokenSource _stopping = new();
    private Task _seeding = Task.CompletedTask;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>(SettingName))
        {
            return;
        }

        await database.InitializeAsync(cancellationToken);
        if (!database.Connection.AllowSeed)
        {
            var refusal = new ConfigurationException(
                $"{SettingName} is set, but {database.Connection.SourceDescription} does not allow seeds: seeds load only into the local database or a strata.json environment with \"allowSeed\": true; unset {SettingName}.");
            logger.LogCritical("{Reason}", refusal.Message);
            throw refusal;
        }

        var migrated = database.WhenMigratedAsync(cancellationToken);
        if (migrated.IsCompleted)
        {
            if (await migrated)
            {
                await SeedAsync(cancellationToken);
            }

            return;
        }

        _seeding = Task.Run(() => SeedInBackgroundAsync(_stopping.Token), CancellationToken.None);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _seeding.WaitAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _stopping.Dispose();

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var name in Seeds())
        {
            await using var command = database.DataSource.CreateCommand(await ReadAsync(name, cancellationToken));
            await command.ExecuteNonQueryAsync(cancellationToken);
            logger.LogInformation("Loaded seed {Seed}", name);
        }
    }

    // A failed migration has been logged by Strata, which stops the app; a failed seed stops it the same way.
    private async Task SeedInBackgroundAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await database.WhenMigratedAsync(cancellationToken))
            {
                await SeedAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
        catch (Exception ex)
        {
            logger.LogCritical("Loading the seeds failed: {Reason}; the app stops", ex.Message);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    private static IEnumerable<string> Seeds() =>
        typeof(SeedOnStartService).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Folder, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static async Task<string> ReadAsync(string name, CancellationToken cancellationToken)
    {
        await using var stream = typeof(SeedOnStartService).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded seed {name} cannot be opened");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
