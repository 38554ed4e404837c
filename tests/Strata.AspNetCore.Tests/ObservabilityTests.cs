using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Strata.AspNetCore.Diagnostics;
using Strata.AspNetCore.Tests.Support;
using Strata.Testing;

namespace Strata.AspNetCore.Tests;

public sealed class ObservabilityTests
{
    [Fact]
    public async Task Logs_no_SQL_at_Information_and_keeps_Npgsql_command_logging_at_Debug()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var host = await TestHost.StartAsync(
            new Dictionary<string, string?> { ["DATABASE_URL"] = db.Url, ["Strata:MigrateOnStart"] = "true" },
            options => options.UseEmbeddedMigrations(typeof(ObservabilityTests).Assembly, "testapp/migrations"));
        (await HealthBody.GetAsync(host.Client, "/health/ready")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);

        var npgsql = host.Logs.Entries.Where(e => e.Category.StartsWith("Npgsql", StringComparison.Ordinal)).ToList();
        npgsql.ShouldContain(e => e.Category == "Npgsql.Command" && e.Level == LogLevel.Debug && e.Message.Contains("CREATE TABLE notes"));
        npgsql.Where(e => e.Level >= LogLevel.Information).ShouldBeEmpty();
        host.Logs.Entries.Where(e => e.Level >= LogLevel.Information && e.Message.Contains("CREATE TABLE", StringComparison.OrdinalIgnoreCase))
            .ShouldBeEmpty();
    }

    [Fact]
    public async Task Traces_and_measures_migrate_on_start_and_readiness_checks()
    {
        var activities = new ConcurrentQueue<Activity>();
        using var tracing = new ActivityListener
        {
            ShouldListenTo = source => source.Name == StrataTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(tracing);
        var measurements = new ConcurrentQueue<(string Name, double Value, string Tags)>();
        using var metrics = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == StrataTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        metrics.SetMeasurementEventCallback<long>((i, value, tags, _) => measurements.Enqueue((i.Name, value, Tags(tags))));
        metrics.SetMeasurementEventCallback<double>((i, value, tags, _) => measurements.Enqueue((i.Name, value, Tags(tags))));
        metrics.Start();
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var host = await TestHost.StartAsync(
            new Dictionary<string, string?> { ["DATABASE_URL"] = db.Url, ["Strata:MigrateOnStart"] = "true" },
            options => options.UseEmbeddedMigrations(typeof(ObservabilityTests).Assembly, "testapp/migrations"));

        (await HealthBody.GetAsync(host.Client, "/health/ready")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);

        // Other tests' hosts run in this process too: pick this host's spans by what only it did.
        activities.Where(a => a.OperationName == StrataTelemetry.MigrateActivity)
            .ShouldContain(a => (string?)a.GetTagItem("strata.outcome") == "applied" && (int?)a.GetTagItem("strata.migrations.applied") == 2);
        activities.ShouldContain(a => a.OperationName == StrataTelemetry.ReadinessActivity && (bool?)a.GetTagItem("strata.ready") == true);
        measurements.ShouldContain(m => m.Name == StrataTelemetry.MigrationsApplied && m.Value == 2);
        measurements.ShouldContain(m => m.Name == StrataTelemetry.MigrateDuration && m.Tags.Contains("strata.outcome=applied") && m.Value > 0);
        measurements.ShouldContain(m => m.Name == StrataTelemetry.ReadinessDuration && m.Tags.Contains("strata.ready=True"));
    }

    private static string Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var text = new List<string>();
        foreach (var (key, value) in tags)
        {
            text.Add($"{key}={value}");
        }

        return string.Join(",", text);
    }
}
