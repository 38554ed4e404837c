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
        new BackwardIncompatibleChange(),
    ];

    /// <summary>
    /// Static rules that guess from the text whether a statement takes away something the running application uses:
    /// once the schema models before and after the migration are compared, the comparison decides instead.
    /// </summary>
    public static IReadOnlySet<string> DecidedBySchemaComparison { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "renaming-column",
        "renaming-table",
        "dropping-column",
        "dropping-table",
    };

    /// <summary>
    /// The observed rules that report a rewrite or scan under a blocking lock: the hazard the rules of
    /// <see cref="DecidedByObservation"/> guess at, so only their findings confirm such a guess.
    /// </summary>
    public static IReadOnlySet<string> LockedWork { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        new TableRewrite().Id,
        new ScanUnderLock().Id,
    };

    /// <summary>
    /// Static rules that guess whether a statement rewrites or scans a table under a blocking lock: once the
    /// statement has run on the scratch database, what the server did (<see cref="LockedWork"/>) decides instead.
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
