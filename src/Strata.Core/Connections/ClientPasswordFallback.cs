using Strata.Core.Secrets;

namespace Strata.Core.Connections;

/// <summary>
/// When no password is given, Npgsql still finds one where libpq would: the process's <c>PGPASSWORD</c>, else the
/// password file (<c>PGPASSFILE</c>, <c>~/.pgpass</c>). Those passwords are registered with the redactor like every
/// other, so a server error that quotes one (a migration selecting it) is masked as well.
/// </summary>
internal static class ClientPasswordFallback
{
    public static void Register(IReadOnlyDictionary<string, string> environment, ConnectionSettings settings)
    {
        SecretRedactor.Register(EnvironmentVariables.Get(environment, "PGPASSWORD"));
        if (PasswordFilePath(environment) is not { } path)
        {
            return;
        }

        IEnumerable<string> lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var fields in lines.Where(l => l.Length > 0 && l[0] != '#').Select(Fields).Where(f => f.Count == 5))
        {
            if (Matches(settings, fields))
            {
                SecretRedactor.Register(fields[4]);
            }
        }
    }

    private static string? PasswordFilePath(IReadOnlyDictionary<string, string> environment)
    {
        if (EnvironmentVariables.Get(environment, "PGPASSFILE") is { } named)
        {
            return named;
        }

        return OperatingSystem.IsWindows()
            ? EnvironmentVariables.Get(environment, "APPDATA") is { } appData ? Path.Combine(appData, "postgresql", "pgpass.conf") : null
            : EnvironmentVariables.Get(environment, "HOME") is { } home ? Path.Combine(home, ".pgpass") : null;
    }

    // Generous on purpose: an entry that might be the one used is registered, as masking one too many is harmless.
    private static bool Matches(ConnectionSettings settings, IReadOnlyList<string> fields) =>
        (settings.Hosts.Count == 0 || settings.Hosts.Any(h => Field(fields[0], h.Host) && Field(fields[1], h.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))))
        && Field(fields[2], settings.Database)
        && (settings.Username is null || Field(fields[3], settings.Username));

    private static bool Field(string pattern, string value) => pattern == "*" || pattern == value || (pattern == "localhost" && value.StartsWith('/'));

    // host:port:database:username:password, where \: and \\ stand for a colon and a backslash.
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length)
            {
                current.Append(line[++i]);
            }
            else if (line[i] == ':' && fields.Count < 4)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(line[i]);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
