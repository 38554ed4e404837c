using Strata.Core.Schema;

namespace Strata.Cli.Commands.Report;

/// <summary>What <c>verify</c> found: every migration's up, down and re-apply on a scratch database.</summary>
/// <param name="Migrations">How many migrations completed the round trip.</param>
/// <param name="Failure">The first failure in one line, or null when everything passed.</param>
/// <param name="Differences">How the schema differed at the failure: expected first, actual second.</param>
internal sealed record ReportVerify(int Migrations, string? Failure, IReadOnlyList<SchemaDifference> Differences)
{
    public bool Passed => Failure is null;
}
