using Strata.Testing;

namespace Cruddur.Tests.Support;

/// <summary>A fresh database and one Cruddur process that migrated it on start; shared by the tests of a class.</summary>
public sealed class RunningApp : IAsyncLifetime
{
    /// <summary>Given to the app inside DATABASE_URL; the test server trusts loopback, so any password connects.</summary>
    public const string Password = "canary-secret-5d1c9b";

    private TestDatabase? _db;
    private AppProcess? _app;

    public TestDatabase Database => _db!;

    public AppProcess App => _app!;

    public HttpClient Client => App.Client;

    public async Task InitializeAsync()
    {
        _db = await TestPostgres.CreateDatabaseAsync();
        _app = AppProcess.Start(new Dictionary<string, string>
        {
            ["DATABASE_URL"] = UrlWithPassword(_db),
            ["Strata__MigrateOnStart"] = "true",
        });
        await _app.WaitUntilListeningAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    public static string UrlWithPassword(TestDatabase db) =>
        $"postgres://{db.Server.Username}:{Password}@{db.Server.Host}:{db.Server.Port}/{db.Name}";
}
