using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Strata.AspNetCore;
using Strata.Core.Errors;
using Strata.Scenarios.Support;

namespace Strata.Scenarios.Doors;

/// <summary>
/// An ASP.NET Core app using <c>AddStrata</c>, served by Kestrel on 127.0.0.1, configured from the project's
/// <c>strata.json</c>. Its surface is migrate-on-start (up) and the readiness endpoint (status); it has no down,
/// stamp, repair or reset, and says so rather than pretending.
/// </summary>
public sealed class WebHostDoor(LibraryDoor library) : IFrontDoor
{
    private const int Applied = 1611;
    private const int UpToDate = 1612;
    private const int MigrateFailed = 1613;

    public string Name => "web host";

    public async Task<Outcome> UpAsync(Scene scene, bool allowOutOfOrder = false, string environment = Scene.Environment, TimeSpan? lockWait = null)
    {
        var logs = new LogRecorder();
        await using var app = Build(scene, environment, migrateOnStart: true, allowOutOfOrder, logs, lockWait);
        try
        {
            await app.StartAsync();
        }
        catch (StrataException error)
        {
            // The host's report of a failed start is its critical log line; the exception only aborts the start.
            var failed = logs.Last(MigrateFailed);
            return Outcome.Failure(failed?["Code"]?.ToString() ?? error.Code, failed?["Reason"]?.ToString() ?? error.Message);
        }

        await app.StopAsync();
        if (logs.Last(UpToDate) is not null)
        {
            return Outcome.Success([], "up to date");
        }

        var versions = logs.Last(Applied)?["Versions"]?.ToString()
            ?? throw new InvalidOperationException("the host started without reporting its migrations");
        return Outcome.Success(versions.Split(", "), "applied");
    }

    // The web host has no down: an operator rolls back with the library (or the CLI), so the down step goes there.
    public Task<Outcome> DownAsync(Scene scene, string version) => library.DownAsync(scene, version);

    public async Task<Outcome> StatusAsync(Scene scene)
    {
        await using var app = Build(scene, Scene.Environment, migrateOnStart: false, allowOutOfOrder: false, new LogRecorder());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
        // Readiness answers 503 while migrations are pending; the body reports the state either way.
        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        await app.StopAsync();
        var pending = body.GetProperty("pendingCount");
        return Outcome.Status(
            body.GetProperty("appliedVersion").GetString(),
            pending.ValueKind == JsonValueKind.Number ? pending.GetInt32() : -1);
    }

    public Task<Outcome> StampAsync(Scene scene, string version) => Task.FromResult(Outcome.Unavailable(Name, "stamp"));

    public Task<Outcome> RepairAsync(Scene scene, bool retry) => Task.FromResult(Outcome.Unavailable(Name, "repair"));

    public Task<Outcome> ResetAsync(Scene scene, string environment) => Task.FromResult(Outcome.Unavailable(Name, "reset"));

    private static WebApplication Build(Scene scene, string environment, bool migrateOnStart, bool allowOutOfOrder, LogRecorder logs, TimeSpan? lockWait = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = "StrataScenarioApp",
            EnvironmentName = "Production",
            ContentRootPath = scene.ProjectDirectory,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Strata:Environment"] = environment,
            ["Strata:MigrateOnStart"] = migrateOnStart.ToString(CultureInfo.InvariantCulture),
            ["Strata:LockWait"] = lockWait is { } wait ? DurationText.Of(wait) : null,
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddStrata(options =>
        {
            // Only strata.json decides, never a DATABASE_URL or PG* variable of the machine running the tests.
            options.Environment.Clear();
            options.AllowOutOfOrder = allowOutOfOrder;
        });
        var app = builder.Build();
        app.MapStrataHealth();
        return app;
    }
}
