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
}
