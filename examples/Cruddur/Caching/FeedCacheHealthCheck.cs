using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cruddur.Caching;

/// <summary>
/// The cache's entry in <c>/health/ready</c>: Healthy when it is off or Redis answers a PING, Degraded (still ready:
/// the feed is read from the database) when Redis cannot be reached.
/// </summary>
public sealed class FeedCacheHealthCheck(FeedCache cache) : IHealthCheck
{
    /// <summary>The name of the check in the readiness report.</summary>
    public const string Name = "feed-cache";

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!cache.IsEnabled)
        {
            return HealthCheckResult.Healthy("the home feed cache is off (Cruddur:Cache:Redis is not set)");
        }

        var ping = await cache.PingAsync();
        return ping is { } latency
            ? HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"Redis at {cache.Endpoint} answered in {latency.TotalMilliseconds:0.#} ms"))
            : HealthCheckResult.Degraded($"Redis at {cache.Endpoint} is unreachable: the home feed is read from the database");
    }
}
