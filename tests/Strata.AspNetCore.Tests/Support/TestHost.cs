using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Strata.AspNetCore.Tests.Support;

/// <summary>
/// A real ASP.NET Core host using Strata, served by Kestrel on 127.0.0.1 (a port of the OS's choosing unless one is
/// given). The resolver sees only the top-level values of the test's configuration, never the machine's variables.
/// The exit code Strata would set is kept in <see cref="ExitCode"/>: the test runner owns the process's.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    public const string ApplicationName = "StrataTestApp";

    /// <summary>The app's own endpoint, answered only once migrate-on-start has finished.</summary>
    public const string AppPath = "/hello";

    private HttpClient? _client;
    private bool _started;

    private TestHost(WebApplication app, LogCollector logs)
    {
        App = app;
        Logs = logs;
    }

    public WebApplication App { get; }

    public LogCollector Logs { get; }

    public HttpClient Client => _client ??= new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };

    public Uri Address => new(App.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
        .Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());

    public int? ExitCode => Get<Hosting.StartupFailure>().ExitCode;

    public static TestHost Create(
        IReadOnlyDictionary<string, string?> configuration,
        Action<StrataOptions>? configure = null,
        string? url = null,
        string? contentRoot = null,
        Action<IServiceCollection>? services = null,
        Action<WebApplicationBuilder>? afterStrata = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = ApplicationName,
            EnvironmentName = "Production",
            ContentRootPath = contentRoot ?? AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(configuration);
        var logs = new LogCollector();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(logs);
        builder.WebHost.UseUrls(url ?? "http://127.0.0.1:0");
        builder.Services.AddSingleton(sp => new Hosting.StartupFailure(sp) { SetExitCode = _ => { } });
        services?.Invoke(builder.Services);
        builder.AddStrata(options =>
        {
            options.Environment.Clear();
            foreach (var (key, value) in configuration.Where(c => !c.Key.Contains(':', StringComparison.Ordinal) && c.Value is not null))
            {
                options.Environment[key] = value!;
            }

            configure?.Invoke(options);
        });
        afterStrata?.Invoke(builder);
        var app = builder.Build();
        app.MapStrataHealth();
        app.MapGet(AppPath, () => "hello");
        return new TestHost(app, logs);
    }

    /// <summary>Starts a host and, with migrate-on-start, waits until it has finished (or failed).</summary>
    public static async Task<TestHost> StartAsync(
        IReadOnlyDictionary<string, string?> configuration,
        Action<StrataOptions>? configure = null,
        string? url = null,
        string? contentRoot = null,
        Action<IServiceCollection>? services = null,
        Action<WebApplicationBuilder>? afterStrata = null)
    {
        var host = Create(configuration, configure, url, contentRoot, services, afterStrata);
        await host.StartAsync();
        await host.SettledAsync();
        return host;
    }

    /// <summary>Starts the host: the server listens once this returns, migrate-on-start may still be running.</summary>
    public async Task StartAsync()
    {
        await App.StartAsync();
        _started = true;
    }

    /// <summary>Returns once migrate-on-start has finished, or the host is stopping because it failed (a minute at most).</summary>
    public async Task SettledAsync()
    {
        var database = Get<StrataDatabase>();
        var stopping = App.Lifetime.ApplicationStopping;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (database.Startup.Problem is not null && !stopping.IsCancellationRequested)
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_started)
        {
            try
            {
                await App.StopAsync();
            }
            catch (OperationCanceledException)
            {
                // A host that failed to start has nothing to stop.
            }
            catch (Core.Errors.StrataException)
            {
                // A migration that failed in the background is thrown by the stop; the test has looked at it already.
            }
        }

        await App.DisposeAsync();
    }
}
