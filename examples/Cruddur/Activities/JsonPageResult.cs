namespace Cruddur.Activities;

/// <summary>A 200 answer whose JSON body is already serialized (a page from the cache, or one just stored in it).</summary>
public sealed class JsonPageResult(ReadOnlyMemory<byte> json) : IResult
{
    /// <summary>The body.</summary>
    public ReadOnlyMemory<byte> Json => json;

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = json.Length;
        return response.Body.WriteAsync(json, httpContext.RequestAborted).AsTask();
    }
}
