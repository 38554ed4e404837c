using System.Collections.ObjectModel;

namespace Strata.Core.Connections;

/// <summary>
/// The process's variables with those a dotenv file added, remembering which came from the file so that a setting
/// taken from one says so (<c>DATABASE_URL in .env</c>) rather than pointing at the process environment.
/// </summary>
internal sealed class DotEnvVariables(IDictionary<string, string> merged, IReadOnlySet<string> fromFile, string file)
    : ReadOnlyDictionary<string, string>(merged)
{
    /// <summary>The file as the user named it (or <c>.env</c>), when <paramref name="name"/> came from it.</summary>
    public string? FileOf(string name) => fromFile.Contains(name) ? file : null;
}
