namespace Strata.Core.Lifecycle;

/// <summary>What <see cref="DatabaseLifecycle.WaitAsync"/> saw once the database was ready.</summary>
/// <param name="Database">The database's name.</param>
/// <param name="Server">The server, as <c>host:port</c>.</param>
/// <param name="Attempts">How many connection attempts it took, the successful one included.</param>
/// <param name="Waited">How long it waited in total.</param>
internal sealed record WaitResult(string Database, string Server, int Attempts, TimeSpan Waited);
