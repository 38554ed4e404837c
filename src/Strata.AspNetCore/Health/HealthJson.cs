using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Strata.Core.Secrets;

namespace Strata.AspNetCore.Health;

/// <summary>Writes the JSON bodies of the health endpoints (see docs/aspnetcore.md for the shape).</summary>
internal static class HealthJson
{
    public const string Readiness = "strata.readiness";

    public static Task WriteLiveAsync(HttpContext context, HealthReport report) =>
        WriteAsync(context, writer => writer.WriteString("status", report.Status.ToString()));

    public static Task WriteReadyAsync(HttpContext context, HealthReport report) =>
        WriteAsync(context, writer =>
        {
            writer.WriteString("status", report.Status.ToString());
            var strata = report.Entries.Values
                .Select(e => e.Data.TryGetValue(Readiness, out var value) ? value as StrataReadiness : null)
                .FirstOrDefault(r => r is not null);
            if (strata is not null)
            {
                writer.WriteBoolean("databaseReachable", strata.DatabaseReachable);
                WriteVersion(writer, "appliedVersion", strata.AppliedVersion?.Value);
                WriteVersion(writer, "expectedVersion", strata.ExpectedVersion?.Value);
                WriteNumber(writer, "pendingCount", strata.PendingCount);
            }

            writer.WriteNumber("durationMs", Math.Round((strata?.Duration ?? report.TotalDuration).TotalMilliseconds, 1));
            var problems = report.Entries
                .Where(e => e.Value.Status != HealthStatus.Healthy)
                .Select(e => SecretRedactor.Redact(e.Value.Description ?? e.Value.Exception?.Message ?? $"{e.Key} is {e.Value.Status}"))
                .ToList();
            if (problems.Count == 0)
            {
                writer.WriteNull("error");
            }
            else
            {
                writer.WriteString("error", string.Join("; ", problems));
            }

            WriteChecks(writer, report);
        });

    // Every check /health/ready ran, the app's own (a cache, a queue) beside Strata's, so each shows its state.
    private static void WriteChecks(Utf8JsonWriter writer, HealthReport report)
    {
        writer.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            writer.WriteStartObject(name);
            writer.WriteString("status", entry.Status.ToString());
            writer.WriteString("description", SecretRedactor.Redact(entry.Description ?? entry.Exception?.Message ?? ""));
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteVersion(Utf8JsonWriter writer, string name, string? version)
    {
        if (version is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, version);
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static async Task WriteAsync(HttpContext context, Action<Utf8JsonWriter> body)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
