namespace Strata.Core.Lifecycle;

/// <summary>What <see cref="DatabaseLifecycle.CreateAsync"/> did.</summary>
/// <param name="Database">The database's name.</param>
/// <param name="Server">The server, as <c>host:port</c>.</param>
/// <param name="Created">True when it was created now; false when it already existed (nothing was changed).</param>
internal sealed record CreateResult(string Database, string Server, bool Created);
