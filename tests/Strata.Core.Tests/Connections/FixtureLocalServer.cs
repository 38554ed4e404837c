using Strata.Core.Local;
using Strata.Testing;

namespace Strata.Core.Tests.Connections;

/// <summary>
/// Stands in for the local cluster by pointing at the test run's real PostgreSQL server, so the local-default path
/// (start, create the database, connect) runs against a real server.
/// </summary>
internal sealed class FixtureLocalServer(TestServer server) : ILocalServer
{
    private int _calls;

    public int Calls => _calls;

    public Task<LocalServerEndpoint> EnsureStartedAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(new LocalServerEndpoint(server.Host, server.Port, Path.GetTempPath(), server.Username));
    }
}
