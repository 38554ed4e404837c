using Strata.Core.Migrations;

namespace Strata.AspNetCore.Health;

/// <summary>What one readiness check found; the body of <c>/health/ready</c>.</summary>
/// <param name="IsReady">Whether the app may take traffic: the database answered and has every pre-deploy migration the app ships (post-deploy ones may still be pending).</param>
/// <param name="DatabaseReachable">Whether the database answered within the timeout.</param>
/// <param name="AppliedVersion">The newest applied migration version, or null when none is applied or the database did not answer.</param>
/// <param name="ExpectedVersion">The newest migration the app ships, or null when it ships none.</param>
/// <param name="PendingCount">How many migrations the app ships are not applied; null when the database did not answer.</param>
/// <param name="Duration">How long the check took.</param>
/// <param name="Problem">What is wrong, in one line, or null when ready.</param>
public sealed record StrataReadiness(
    bool IsReady,
    bool DatabaseReachable,
    MigrationVersion? AppliedVersion,
    MigrationVersion? ExpectedVersion,
    int? PendingCount,
    TimeSpan Duration,
    string? Problem);
