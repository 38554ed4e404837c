namespace Cruddur.Tests.Support;

/// <summary>
/// The environment of a child process: only what dotnet needs to run, plus the test's own variables, so a
/// DATABASE_URL or PG* variable of the machine never decides which database a test uses.
/// </summary>
public static class ChildEnvironment
{
    private static readonly string[] Inherited = ["PATH", "HOME", "DOTNET_ROOT", "TMPDIR"];

    public static Dictionary<string, string> With(IReadOnlyDictionary<string, string> variables)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Inherited)
        {
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } value)
            {
                environment[name] = value;
            }
        }

        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in variables)
        {
            environment[name] = value;
        }

        return environment;
    }
}
