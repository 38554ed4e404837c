using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Cruddur.Tests.Support;

/// <summary>Sends requests to the app and reads its answers.</summary>
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
