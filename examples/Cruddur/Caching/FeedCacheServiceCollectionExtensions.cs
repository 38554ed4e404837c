using Strata.AspNetCore.Health;

namespace Cruddur.Caching;

/// <summary>Registers the home feed cache: <c>builder.Services.AddFeedCache(builder.Configuration)</c>.</summary>
public static class FeedCacheServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="FeedCacheOptions"/> from <c>Cruddur:Cache</c>, registers <see cref="FeedCache"/> (connecting
    /// when the host starts, when enabled) and its readiness check, tagged like Strata's so /health/ready runs it.
    /// </summary>
    public static IServiceCollection AddFeedCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FeedCacheOptions>().Bind(configuration.GetSection(FeedCacheOptions.SectionName));
        services.AddSingleton<FeedCache>();
        services.AddHostedService(sp => sp.GetRequiredService<FeedCache>());
        services.AddHealthChecks().AddCheck<FeedCacheHealthCheck>(FeedCacheHealthCheck.Name, tags: [StrataHealth.ReadyTag]);
        return services;
    }
}
