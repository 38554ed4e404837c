using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Strata.AspNetCore.Health;

namespace Strata.AspNetCore;

/// <summary>Maps Strata's health endpoints: <c>app.MapStrataHealth()</c>.</summary>
public static class StrataEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <paramref name="livePath"/> (runs no check and touches no database: 200 while the process serves
    /// requests) and <paramref name="readyPath"/> (runs every check tagged <see cref="StrataHealth.ReadyTag"/>: 200
    /// when all pass, else 503; JSON body described in docs/aspnetcore.md). While migrate-on-start runs, these two
    /// paths are the only ones the app answers.
    /// </summary>
    public static IEndpointRouteBuilder MapStrataHealth(
        this IEndpointRouteBuilder endpoints, string livePath = StrataHealth.LivePath, string readyPath = StrataHealth.ReadyPath)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService(typeof(StrataHealthPaths)) is StrataHealthPaths paths)
        {
            paths.Add(livePath);
            paths.Add(readyPath);
        }

        endpoints.MapHealthChecks(livePath, new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = HealthJson.WriteLiveAsync,
        });
        endpoints.MapHealthChecks(readyPath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(StrataHealth.ReadyTag),
            ResponseWriter = HealthJson.WriteReadyAsync,
        });
        return endpoints;
    }
}
