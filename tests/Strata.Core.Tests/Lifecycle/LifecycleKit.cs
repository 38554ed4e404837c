using Microsoft.Extensions.Logging;
using Strata.Core.Configuration;
using Strata.Core.Lifecycle;
using Strata.Core.Sessions;
using Strata.Core.Tests.Connections;
using Strata.Core.Tests.Engine;
using Strata.Testing;

namespace Strata.Core.Tests.Lifecycle;

/// <summary>Lifecycle commands on test databases: plain URLs, config environments, and databases the test creates.</summary>
internal static class LifecycleKit
{
    public static async Task<DatabaseLifecycle> ForUrlAsync(string url, TestLogger? logger = null, string? migrations = null) =>
        new(await Resolve.UrlAsync(url), Options(logger, migrations));

    public static Task<DatabaseLifecycle> ForAsync(TestDatabase db, TestLogger? logger = null, string? migrations = null) =>
        ForUrlAsync(db.Url, logger, migrations);

    /// <summary>The lifecycle of environment <paramref name="name"/> in a strata.json written to <paramref name="directory"/>.</summary>
    public static async Task<DatabaseLifecycle> ForEnvironmentAsync(TempDirectory directory, string name, string environmentJson)
    {
        directory.Write("strata.json", $$"""{ "environments": { "{{name}}": {{environmentJson}} } }""");
        var settings = await new StrataSettingsBuilder(directory.Path, new Dictionary<string, string>())
            .Set(SettingCatalog.Environment, name, "--env")
            .BuildAsync();
        // Lifecycle commands open their own connections: the session has no data source to dispose.
        var session = await StrataSession.OpenAsync(settings);
        return session.Lifecycle;
    }

    /// <summary>A URL for a database name no test uses yet, on the test server.</summary>
    public static string NewDatabaseUrl(TestDatabase db, string suffix, out string name)
    {
        name = $"{db.Name}_{suffix}";
        return db.Server.UrlFor(name);
    }

    public static async Task<bool> DatabaseExistsAsync(TestDatabase db, string name) =>
        await db.ScalarAsync<bool>($"SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = '{name}')");

    /// <summary>Drops a database a test created, whatever state the test left it in.</summary>
    public static async Task DropQuietlyAsync(string url)
    {
        var lifecycle = await ForUrlAsync(url);
        await lifecycle.DropAsync(new DropOptions { Force = true });
    }

    public static string Write(string directory, string relativePath, string content)
    {
        var path = Path.Combine(directory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private static DatabaseLifecycleOptions Options(TestLogger? logger, string? migrations) => new()
    {
        LoggerFactory = logger is null ? null : new SingleLoggerFactory(logger),
        MigrationsDirectory = migrations,
        Migrator = migrations is null ? null : EngineTestKit.FastOptions,
    };

    private sealed class SingleLoggerFactory(ILogger logger) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => logger;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }
    }
}
