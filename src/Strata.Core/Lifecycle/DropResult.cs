namespace Strata.Core.Lifecycle;

/// <summary>What <see cref="DatabaseLifecycle.DropAsync"/> did.</summary>
/// <param name="Database">The database's name.</param>
/// <param name="Server">The server, as <c>host:port</c>.</param>
/// <param name="Dropped">True when it was dropped now; false when it did not exist.</param>
/// <param name="SessionsEnded">How many other sessions were connected and ended by <see cref="DropOptions.Force"/>.</param>
internal sealed record DropResult(string Database, string Server, bool Dropped, int SessionsEnded);
