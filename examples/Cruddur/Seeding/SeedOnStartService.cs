using Strata.AspNetCore;
using Strata.Core.Errors;

namespace Cruddur.Seeding;

/// <summary>
/// With <c>Cruddur:SeedOnStart</c>, loads the development data embedded under db/seeds while the host starts, after
/// Strata has migrated (it is registered after AddStrata, and StartingAsync runs in registration order). Refuses any
/// database Strata does not allow seeding (only the local default, or a strata.json environment with allowSeed).
/// </summary>
public sealed class SeedOnStartService(StrataDatabase database, IConfiguration configuration, ILogger<SeedOnStartService> logger)
    : IHostedLifecycleService
{
    public const string SettingName = "Cruddur:SeedOnStart";
    private const string Folder = "db/seeds/";

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

        foreach (var name in Seeds())
        {
            await using var command = database.DataSource.CreateCommand(await ReadAsync(name, cancellationToken));
            await command.ExecuteNonQueryAsync(cancellationToken);
            logger.LogInformation("Loaded seed {Seed}", name);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

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
