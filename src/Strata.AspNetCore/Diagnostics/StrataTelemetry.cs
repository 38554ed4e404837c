namespace Strata.AspNetCore.Diagnostics;

/// <summary>
/// The names under which Strata reports traces and metrics, for OpenTelemetry's <c>AddSource</c> and <c>AddMeter</c>
/// (see docs/aspnetcore.md). Both are plain <c>System.Diagnostics</c> sources: nothing is recorded until a listener
/// subscribes.
/// </summary>
public static class StrataTelemetry
{
    /// <summary>The <c>ActivitySource</c> and <c>Meter</c> name.</summary>
    public const string Name = "Strata.AspNetCore";

    /// <summary>The span of migrate-on-start: waiting for the database, then applying the pending migrations.</summary>
    public const string MigrateActivity = "strata.migrate";

    /// <summary>The span of one readiness check.</summary>
    public const string ReadinessActivity = "strata.readiness";

    /// <summary>Counter of migrations applied by migrate-on-start.</summary>
    public const string MigrationsApplied = "strata.migrations.applied";

    /// <summary>Histogram of migrate-on-start's duration in seconds, tagged <c>strata.outcome</c>.</summary>
    public const string MigrateDuration = "strata.migrate.duration";

    /// <summary>Histogram of readiness checks' duration in seconds, tagged <c>strata.ready</c>.</summary>
    public const string ReadinessDuration = "strata.readiness.duration";
}
