namespace Strata.Lint.Rules;

/// <summary>Every rule, in the order findings for one statement are reported.</summary>
internal static class RuleCatalog
{
    public static InvalidLintIgnore InvalidSuppression { get; } = new();

    public static IReadOnlyList<LintRule> Rules { get; } =
    [
        new RequireConcurrentIndexCreation(),
        new RequireConcurrentIndexDeletion(),
        new AddingUniqueConstraint(),
        new AddingVolatileDefault(),
        new AddingRewritingColumn(),
        new ChangingColumnType(),
        new SettingNotNull(),
        new ConstraintMissingNotValid(),
        new ValidateConstraintInSameTransaction(),
        new AttachingPartition(),
        new ConcurrentlyInTransaction(),
        new TransactionControlInMigration(),
        new EnumValueUsedInSameTransaction(),
        new UnbatchedDataChange(),
        new RefreshMaterializedViewWithoutConcurrently(),
        new RenamingColumn(),
        new RenamingTable(),
        new DroppingColumn(),
        new DroppingTable(),
        new AddingRequiredColumn(),
        new RequirePrimaryKey(),
        new PreferBigintKeys(),
        new PreferTextOverVarchar(),
        new PreferTimestamptz(),
        new PreferJsonb(),
        new SettingForNewSessions(),
        new CurrvalWithoutNextval(),
        InvalidSuppression,
    ];

    // Observed rules may be suppressed too, so their ids are known even to a static run.
    public static bool Exists(string? id) =>
        id is not null && (Rules.Any(r => r.Id == id) || Observation.ObservedRuleCatalog.Rules.Any(r => r.Id == id));
}
