namespace Strata.Core.Connections;

/// <summary>
/// An environment's <c>database</c>: a literal URL or keyword string, a variable to read it from, or the local
/// server (<c>"local"</c>, or <c>"local:NAME"</c> to choose the database name).
/// </summary>
internal sealed record ConfigDatabase(string? Literal, string? FromEnvironment, bool IsLocal, string? LocalName);
