using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Strata.AspNetCore.Health;

/// <summary>The readiness probe on ASP.NET Core's health-check framework; its data feeds the JSON of <c>/health/ready</c>.</summary>
internal sealed class StrataReadinessHealthCheck(StrataReadinessProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var readiness = await probe.CheckAsync(cancellationToken);
        var data = new Dictionary<string, object>
        {
            [HealthJson.Readiness] = readiness,
        };
        return readiness.IsReady
            ? HealthCheckResult.Healthy("the database is reachable and has every pre-deploy migration the app ships", data)
            : new HealthCheckResult(context.Registration.FailureStatus, readiness.Problem, data: data);
    }
}
