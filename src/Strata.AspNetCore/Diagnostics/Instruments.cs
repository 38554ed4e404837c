using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Strata.AspNetCore.Diagnostics;

/// <summary>The one <see cref="ActivitySource"/> and <see cref="Meter"/> of Strata.AspNetCore, shared by every host in the process.</summary>
internal static class Instruments
{
    private static readonly string? Version = typeof(Instruments).Assembly.GetName().Version?.ToString();

    public static readonly ActivitySource Source = new(StrataTelemetry.Name, Version);

    public static readonly Meter Meter = new(StrataTelemetry.Name, Version);

    public static readonly Counter<long> MigrationsApplied = Meter.CreateCounter<long>(
        StrataTelemetry.MigrationsApplied, "{migration}", "Migrations applied by migrate-on-start");

    public static readonly Histogram<double> MigrateDuration = Meter.CreateHistogram<double>(
        StrataTelemetry.MigrateDuration, "s", "How long migrate-on-start took, waiting for the database included");

    public static readonly Histogram<double> ReadinessDuration = Meter.CreateHistogram<double>(
        StrataTelemetry.ReadinessDuration, "s", "How long one readiness check took");
}
