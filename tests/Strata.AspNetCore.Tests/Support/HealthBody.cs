using System.Net;
using System.Text.Json;

namespace Strata.AspNetCore.Tests.Support;

/// <summary>A health endpoint's answer: status code and JSON body.</summary>
public sealed record HealthBody(HttpStatusCode StatusCode, JsonElement Json)
{
    public string? Status => Json.GetProperty("status").GetString();

    public bool DatabaseReachable => Json.GetProperty("databaseReachable").GetBoolean();

    public string? AppliedVersion => Json.GetProperty("appliedVersion").GetString();

    public string? ExpectedVersion => Json.GetProperty("expectedVersion").GetString();

    public int? PendingCount => Json.GetProperty("pendingCount").ValueKind == JsonValueKind.Null ? null : Json.GetProperty("pendingCount").GetInt32();

    public string? Error => Json.GetProperty("error").GetString();

    public static async Task<HealthBody> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return new HealthBody(response.StatusCode, json);
    }
}
