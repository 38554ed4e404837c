using System.Net;
using System.Net.Http.Json;
using System.Text;
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

public static class Api
{
    public static Task<Answer> GetAsync(HttpClient client, string path) => SendAsync(client, new HttpRequestMessage(HttpMethod.Get, path));

    public static Task<Answer> PostAsync(HttpClient client, string path, object body) =>
        SendAsync(client, new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) });

    public static Task<Answer> PostRawAsync(HttpClient client, string path, string body, string mediaType = "application/json") =>
        SendAsync(client, new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, mediaType) });

    public static async Task<Answer> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
            return new Answer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers.Location, body);
        }
    }

    /// <summary>A handle no other test uses.</summary>
    public static string NewHandle(string prefix = "u") => $"{prefix}_{Guid.NewGuid():N}"[..24];
}
