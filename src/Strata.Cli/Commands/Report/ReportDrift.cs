using Strata.Core.Schema;

namespace Strata.Cli.Commands.Report;

/// <summary>What <c>drift</c> found: the live schema against the one its applied migrations produce.</summary>
/// <param name="AppliedMigrations">How many applied migrations built the expected schema.</param>
/// <param name="Differences">Each object that differs; added ones were made outside migrations.</param>
internal sealed record ReportDrift(int AppliedMigrations, IReadOnlyList<SchemaDifference> Differences)
{
    public bool HasDrift => Differences.Count > 0;
}
