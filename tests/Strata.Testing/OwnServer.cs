namespace Strata.Testing;

/// <summary>Starts the test run's own PostgreSQL from the machine's binaries, with Strata's local-cluster code.</summary>
internal static class OwnServer
{
    public static Task<string> StartAsync() =>
        throw new InvalidOperationException(
            $"Set {TestPostgres.ExternalUrlVariable}: the self-started test server is not wired yet.");
}
