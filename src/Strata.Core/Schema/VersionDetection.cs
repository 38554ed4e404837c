using Strata.Core.Adoption;
using Strata.Core.Migrations;

namespace Strata.Core.Schema;

/// <summary>Which migration version a database without history is at, found by comparing its schema with each version's.</summary>
/// <param name="Candidates">How many schemas were compared: one before any migration, then one after each.</param>
/// <param name="Matches">The versions whose schema equals the live one, oldest first; null stands for "before any migration".</param>
/// <param name="Nearest">
/// The matching version when there is one (the newest when several are), otherwise the version with the fewest differences
/// (the newest of those on a tie); null stands for "before any migration".
/// </param>
/// <param name="Comparison">The nearest version's schema (first) compared with the live one (second): empty on a match.</param>
/// <param name="Adopted">What was recorded in the history when recording was asked for and done; null otherwise.</param>
internal sealed record VersionDetection(
    int Candidates,
    IReadOnlyList<MigrationVersion?> Matches,
    MigrationVersion? Nearest,
    SchemaComparison Comparison,
    AdoptResult? Adopted)
{
    /// <summary>True when some version's schema equals the live one.</summary>
    public bool IsExact => Matches.Count > 0;
}
