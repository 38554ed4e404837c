using System.Net;
using System.Text.Json;

namespace Cruddur.Tests.Support;

/// <summary>One HTTP answer: status, content type, Location and the JSON body (if any).</summary>
public sealed record Answer(HttpStatusCode Status, string? MediaType, Uri? Location, JsonElement Body)
{
    /// <summary>The field errors of a validation problem, by field.</summary>
    public IReadOnlyDictionary<string, string[]> Errors =>
        Body.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray());

    public string? Text(string property) => Body.GetProperty(property).GetString();

    /// <summary>Checks that the answer is an RFC 7807 problem with <paramref name="status"/>.</summary>
    public Answer ShouldBeProblem(HttpStatusCode status)
    {
        Status.ShouldBe(status);
        MediaType.ShouldBe("application/problem+json");
        Body.GetProperty("status").GetInt32().ShouldBe((int)status);
        Body.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        return this;
    }
}
