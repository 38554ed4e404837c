namespace Strata.Core.Connections;

/// <summary>Reads variables from the request's environment; blank values count as not set.</summary>
internal static class EnvironmentVariables
{
    public static string? Get(IReadOnlyDictionary<string, string> environment, string name) =>
        environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}
