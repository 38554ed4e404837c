using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Strata.AspNetCore.Health;

namespace Strata.AspNetCore.Hosting;

/// <summary>
/// The first middleware of the app: while migrate-on-start runs (or after it failed, until the host stops), every
/// request except the health endpoints gets 503 with <c>Retry-After</c> (an RFC 7807 problem when the app registered
/// <c>AddProblemDetails</c>, plain text otherwise), so no code runs against a schema it was not built for. Added as an
/// <see cref="IStartupFilter"/>, so it comes before anything the app adds itself.
/// </summary>
internal sealed class MigrationGate(StrataDatabase database, StrataHealthPaths healthPaths) : IStartupFilter
{
    private const string RetryAfterSeconds = "5";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, following) =>
        {
            if (database.Startup.Problem is { } problem && !healthPaths.Contains(context.Request.Path))
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = RetryAfterSeconds;
                if (!await WriteProblemAsync(context, problem))
                {
                    context.Response.ContentType = "text/plain; charset=utf-8";
                    await context.Response.WriteAsync($"not ready: {problem}\n", context.RequestAborted);
                }

                return;
            }

            await following(context);
        });
        next(app);
    };

    // An app that answers errors as RFC 7807 problems (AddProblemDetails) gets one here too.
    private static async Task<bool> WriteProblemAsync(HttpContext context, string problem) =>
        context.RequestServices.GetService<IProblemDetailsService>() is { } problems
        && await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service is not ready.",
                Detail = $"not ready: {problem}",
            },
        });
}
