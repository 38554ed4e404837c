namespace Strata.Core.Connections;

/// <summary>
/// A parsed <c>strata.json</c>. Paths inside are already absolute (relative ones start at the file's folder).
/// DisplayPath is the path as shown to people (relative to the working directory when inside it); FoundBy says how
/// the file was found: <c>--config</c>, <c>STRATA_CONFIG</c> or <c>working directory</c>.
/// </summary>
internal sealed record ConfigFile(
    string Path,
    string DisplayPath,
    string FoundBy,
    string? DefaultEnvironment,
    string? LocalDatabase,
    string? MigrationsDirectory,
    string? SeedsDirectory,
    string? HistoryTable,
    IReadOnlyDictionary<string, ConfigEnvironment> Environments)
{
    /// <summary>The environments whose literal database URL holds a password (a warning is logged for each).</summary>
    public IReadOnlyList<string> EnvironmentsWithPasswords { get; init; } = [];

    /// <summary>The schema file (<c>schemaFile</c>), absolute: <c>db dump</c> writes it, and <c>up</c>, <c>down</c> and <c>stamp</c> refresh it.</summary>
    public string? SchemaFile { get; init; }

    /// <summary>The patterns of <c>drift.ignore</c>: objects managed outside migrations.</summary>
    public IReadOnlyList<string> DriftIgnore { get; init; } = [];

    /// <summary>The schemas of <c>adoption.ignoreSchemas</c>: other applications' schemas in a shared database.</summary>
    public IReadOnlyList<string> AdoptionIgnoreSchemas { get; init; } = [];

    /// <summary>The <c>lint</c> section: what <c>up</c> does with its pre-flight lint, severities and the size threshold.</summary>
    public LintSection Lint { get; init; } = LintSection.Empty;

    public string Directory => System.IO.Path.GetDirectoryName(Path)!;

    public string KnownEnvironmentNames =>
        Environments.Count == 0 ? "(none)" : string.Join(", ", Environments.Keys.Order(StringComparer.Ordinal));
}
