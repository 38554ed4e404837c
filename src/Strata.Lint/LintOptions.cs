namespace Strata.Lint;

/// <summary>What the linter assumes about the server the migrations will run on.</summary>
public sealed record LintOptions
{
    /// <summary>The oldest PostgreSQL major version Strata supports, assumed when none is given.</summary>
    public const int DefaultPostgresVersion = 13;

    /// <summary>
    /// The PostgreSQL major version the migrations will run on: what a statement costs depends on it (for example,
    /// adding a column with a constant default has not rewritten the table since 11).
    /// </summary>
    public int PostgresVersion { get; init; } = DefaultPostgresVersion;

    /// <summary>
    /// A table with at least this many rows (<c>reltuples</c> in the reference database) is not tiny: a lock that
    /// blocks its traffic through a rewrite or scan is an error, below it a warning.
    /// </summary>
    public double LargeTableRows { get; init; } = 10_000;

    /// <summary>A table whose <c>pg_total_relation_size</c> reaches this many bytes is not tiny either.</summary>
    public long LargeTableBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>
    /// Severities set per rule id, replacing the rule's own; a null severity turns the rule off. Ids must be those of
    /// <see cref="LintRules.All"/> (<see cref="LintRules.Exists"/>).
    /// </summary>
    public IReadOnlyDictionary<string, LintSeverity?> RuleSeverities { get; init; } = new Dictionary<string, LintSeverity?>(StringComparer.Ordinal);
}
