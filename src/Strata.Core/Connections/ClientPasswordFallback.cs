using Strata.Core.Secrets;

namespace Strata.Core.Connections;

/// <summary>
/// When no password is given, the password libpq would fall back to: <c>PGPASSWORD</c>, else the password file
/// (<c>PGPASSFILE</c>, <c>~/.pgpass</c>). Strata reads the file itself, as libpq does, so Npgsql's stricter reader
/// (which fails on a line libpq skips, or on an escaped colon) is not reached. Those passwords are registered with
/// the redactor like every other, so a server error that quotes one (a migration selecting it) is masked as well.
/// </summary>
internal static class ClientPasswordFallback
{
    public static void Register(IReadOnlyDictionary<string, string> environment, ConnectionSettings settings)
    {
        SecretRedactor.Register(EnvironmentVariables.Get(environment, "PGPASSWORD"));
        foreach (var fields in Entries(environment).Where(f => Matches(settings, f)))
        {
            SecretRedactor.Register(fields[4]);
        }
    }

    /// <summary>
    /// <c>PGPASSWORD</c>, else the password of the first line of the password file that matches host, port, database
    /// and user (a socket directory counting as <c>localhost</c>), the same for every host; null when there is none.
    /// </summary>
    public static string? Find(IReadOnlyDictionary<string, string> environment, ConnectionSettings settings)
    {
        if (EnvironmentVariables.Get(environment, "PGPASSWORD") is { } password)
        {
            return password;
        }

        if (settings.Username is not { } user || settings.Hosts.Count == 0)
        {
            return null;
        }

        var entries = Entries(environment);
        var perHost = settings.Hosts
            .Select(h => entries.FirstOrDefault(f =>
                Exactly(f[0], h.IsSocketDirectory ? "localhost" : h.Host) && Exactly(f[1], h.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
                && Exactly(f[2], settings.Database) && Exactly(f[3], user))?[4])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return perHost is [{ Length: > 0 } only] ? only : null;
    }

    /// <summary>The file's lines of five fields; comments, and lines libpq could never match, are left out as libpq skips them.</summary>
    private static List<List<string>> Entries(IReadOnlyDictionary<string, string> environment)
    {
        if (PasswordFilePath(environment) is not { } path)
        {
            return [];
        }

        try
        {
            return File.ReadAllLines(path).Where(l => l.Length > 0 && l[0] != '#').Select(Fields).Where(f => f.Count == 5).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static bool Exactly(string pattern, string value) => pattern == "*" || pattern == value;

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
