namespace Strata.Lint.Observation;

/// <summary>Every rule judged from observations, and the static rules whose guesses they replace.</summary>
internal static class ObservedRuleCatalog
{
    public static IReadOnlyList<ObservedRule> Rules { get; } =
    [
        new TableRewrite(),
        new ScanUnderLock(),
        new StatementFails(),
        new InvalidIndexLeft(),
    ];

    /// <summary>
    /// Static rules that guess whether a statement rewrites or scans a table under a blocking lock: once the
    /// statement has run on the scratch database, what the server did decides instead.
    /// </summary>
    public static IReadOnlySet<string> DecidedByObservation { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "require-concurrent-index-creation",
        "adding-unique-constraint",
        "adding-volatile-default",
        "adding-rewriting-column",
        "changing-column-type",
        "setting-not-null",
        "constraint-missing-not-valid",
        "validate-constraint-in-same-transaction",
        "attaching-partition",
        "refresh-materialized-view-without-concurrently",
    };
}
