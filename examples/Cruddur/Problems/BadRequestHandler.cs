using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Cruddur.Problems;

/// <summary>
/// Turns a request the framework could not bind (malformed JSON, a value of the wrong type, a missing body, a wrong
/// content type) into a problem body that says so, with the framework's status (400 or 415), never a 500.
/// </summary>
public sealed class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status415UnsupportedMediaType ? "Unsupported media type." : "The request could not be read.",
                Detail = HasBody(httpContext.Request) ? Detail(bad) : "The request has no body; send a JSON object.",
            },
        });
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength is > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);

    // The framework's message names the parameter; the JSON reader's adds where the body went wrong.
    private static string Detail(BadHttpRequestException bad) =>
        bad.InnerException is System.Text.Json.JsonException json
            ? $"{bad.Message} {json.Message}"
            : bad.Message;
}
