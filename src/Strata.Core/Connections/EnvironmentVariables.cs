namespace Strata.Core.Connections;

/// <summary>Reads variables from the request's environment; blank values count as not set.</summary>
internal static class EnvironmentVariables
{
    public static string? Get(IReadOnlyDictionary<string, string> environment, string name) =>
        environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>
    /// Where <paramref name="name"/> was set, for messages: <c>NAME in .env</c> when a dotenv file gave it, else the
    /// name followed by <paramref name="processSuffix"/> (such as <c>" environment variable"</c>).
    /// </summary>
    public static string Origin(IReadOnlyDictionary<string, string> environment, string name, string processSuffix = "") =>
        environment is DotEnvVariables dotEnv && dotEnv.FileOf(name) is { } file ? $"{name} in {file}" : name + processSuffix;
}
