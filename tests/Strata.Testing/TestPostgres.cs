namespace Strata.Testing;

/// <summary>
/// Entry point for tests that need PostgreSQL. The first call starts the run's server (or adopts the one named by
/// <c>STRATA_TEST_DATABASE_URL</c>); every call after that reuses it.
/// </summary>
public static class TestPostgres
{
    /// <summary>The environment variable that points the tests at an existing server instead of starting one.</summary>
    public const string ExternalUrlVariable = "STRATA_TEST_DATABASE_URL";

    private static readonly Lazy<Task<TestServer>> Server = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The run's server.</summary>
    public static Task<TestServer> ServerAsync() => Server.Value;

    /// <summary>Creates a fresh empty database for one test.</summary>
    public static async Task<TestDatabase> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var server = await ServerAsync();
        return await server.CreateDatabaseAsync(cancellationToken);
    }

    private static async Task<TestServer> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable(ExternalUrlVariable);
        var adminConnectionString = string.IsNullOrWhiteSpace(external)
            ? await OwnServer.StartAsync()
            : ExternalServer.ConnectionStringFromUrl(external);
        var server = new TestServer(adminConnectionString);
        await server.PrepareTemplateAsync(CancellationToken.None);
        return server;
    }
}
