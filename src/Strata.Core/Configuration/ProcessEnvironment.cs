using System.Collections;

namespace Strata.Core.Configuration;

/// <summary>
/// The one place Strata reads the process's environment variables. Everything else takes the snapshot as a
/// dictionary, so callers and tests decide what the engine sees.
/// </summary>
internal static class ProcessEnvironment
{
    /// <summary>A copy of the process's variables as they are now.</summary>
    public static IReadOnlyDictionary<string, string> Snapshot()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key)
            {
                variables[key] = entry.Value as string ?? string.Empty;
            }
        }

        return variables;
    }
}
