namespace Strata.Core.Connections;

/// <summary>One entry of <c>environments</c> in <c>strata.json</c>; paths are absolute.</summary>
internal sealed record ConfigEnvironment(
    string Name,
    ConfigDatabase Database,
    string? PasswordFile,
    string? PasswordCommand,
    string? MigrationsDirectory,
    string? SeedsDirectory,
    bool Protected,
    bool AllowSeed,
    string? HistoryTable);
