using Strata.Core.Errors;
using Strata.Core.Secrets;

namespace Strata.Core.Connections;

/// <summary>Builds the configuration errors of the connection parsers: one line, named source, redacted.</summary>
internal static class ConnectionStringErrors
{
    /// <summary>"<paramref name="sourceName"/>: <paramref name="problem"/>", with every known secret masked.</summary>
    public static ConfigurationException Invalid(string sourceName, string problem) =>
        new(SecretRedactor.Redact($"{sourceName}: {problem}".ReplaceLineEndings(" ")));
}
