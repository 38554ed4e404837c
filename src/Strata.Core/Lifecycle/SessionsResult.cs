namespace Strata.Core.Lifecycle;

/// <summary>What <see cref="DatabaseLifecycle.SessionsAsync"/> found.</summary>
/// <param name="Database">The target database's name.</param>
/// <param name="Server">The server, as <c>host:port</c>.</param>
/// <param name="AllDatabases">Whether sessions of every database are listed.</param>
/// <param name="Sessions">The client sessions other than Strata's own, oldest transaction first.</param>
internal sealed record SessionsResult(string Database, string Server, bool AllDatabases, IReadOnlyList<DatabaseSession> Sessions);
