using Strata.Core.Configuration;

namespace Strata.Core.Adoption;

/// <summary>
/// What the checks for an existing schema or another tool's history look at: every schema but the system ones and
/// <paramref name="IgnoredSchemas"/> (other applications' in a shared database), and every table there but Strata's own
/// history table <paramref name="Ours"/> and the backfill-progress table beside it.
/// </summary>
internal sealed record GuardScope(HistoryTableName Ours, string[] IgnoredSchemas)
{
    /// <summary>The names of Strata's own tables in <see cref="HistoryTableName.Schema"/> of <see cref="Ours"/>.</summary>
    public string[] OurTables => [Ours.Name, Ours.BackfillName];

    public static GuardScope From(MigratorOptions options) => new(options.HistoryTable, [.. options.AdoptionIgnoreSchemas]);
}
