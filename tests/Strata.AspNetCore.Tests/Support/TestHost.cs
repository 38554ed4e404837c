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
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    public const string ApplicationName = "StrataTestApp";

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

    public static TestHost Create(
        IReadOnlyDictionary<string, string?> configuration, Action<StrataOptions>? configure = null, string? url = null, string? contentRoot = null)
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
        builder.AddStrata(options =>
        {
            options.Environment.Clear();
            foreach (var (key, value) in configuration.Where(c => !c.Key.Contains(':', StringComparison.Ordinal) && c.Value is not null))
            {
                options.Environment[key] = value!;
            }

            configure?.Invoke(options);
        });
        var app = builder.Build();
        app.MapStrataHealth();
        return new TestHost(app, logs);
    }

    public static async Task<TestHost> StartAsync(
        IReadOnlyDictionary<string, string?> configuration, Action<StrataOptions>? configure = null, string? url = null, string? contentRoot = null)
    {
        var host = Create(configuration, configure, url, contentRoot);
        await host.StartAsync();
        return host;
    }

    public async Task StartAsync()
    {
        _started = true;
        await App.StartAsync();
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
        }

        await App.DisposeAsync();
    }
}
