using System.Diagnostics;
using System.Globalization;
using Strata.Core.Connections;
using Strata.Core.Errors;
using Strata.Core.Processes;

namespace Strata.Core.Lifecycle;

/// <summary>
/// Starts PostgreSQL client programs without a shell. The connection goes in libpq's PG* environment variables,
/// the password too (PGPASSWORD): never on the command line, where any user of the machine can read it with ps.
/// </summary>
internal static class ClientProcess
{
    // Inherited, these would let the child reach another server or database than the one Strata resolved.
    private static readonly string[] KeptInherited = ["PGPASSWORD", "PGPASSFILE"];

    public static ProcessStartInfo Plain(string program, IEnumerable<string> arguments, bool redirect = true) =>
        ChildProcess.StartInfo(program, arguments, redirect: redirect);

    /// <summary>A start for <paramref name="program"/> connected to the database of <paramref name="settings"/>.</summary>
    public static ProcessStartInfo ForDatabase(
        string program, ConnectionSettings settings, string? password, IEnumerable<string> arguments, bool redirect = true)
    {
        var info = Plain(program, arguments, redirect);
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("PG", StringComparison.Ordinal)).ToList())
        {
            if (password is not null || !KeptInherited.Contains(name, StringComparer.Ordinal))
            {
                info.Environment.Remove(name);
            }
        }

        foreach (var (name, value) in Variables(settings, password))
        {
            info.Environment[name] = value;
        }

        return info;
    }

    /// <summary>The libpq variables for <paramref name="settings"/>; Npgsql-only keywords have none and are left out.</summary>
    public static IEnumerable<(string Name, string Value)> Variables(ConnectionSettings settings, string? password)
    {
        yield return ("PGHOST", string.Join(",", settings.Hosts.Select(h => h.Host)));
        yield return ("PGPORT", string.Join(",", settings.Hosts.Select(h => h.Port.ToString(CultureInfo.InvariantCulture))));
        yield return ("PGDATABASE", settings.Database);
        yield return ("PGAPPNAME", settings.ApplicationName ?? "strata");
        var optional = new (string Name, string? Value)[]
        {
            ("PGUSER", settings.Username),
            ("PGPASSWORD", password),
            ("PGSSLMODE", settings.SslMode is { } mode ? DisplayUrl.FormatSslMode(mode) : null),
            ("PGSSLROOTCERT", settings.SslRootCert),
            ("PGCONNECT_TIMEOUT", settings.ConnectTimeoutSeconds?.ToString(CultureInfo.InvariantCulture)),
            ("PGOPTIONS", Options(settings)),
            ("PGTARGETSESSIONATTRS", settings.TargetSessionAttributes),
        };
        foreach (var (name, value) in optional.Where(v => v.Value is not null))
        {
            yield return (name, value!);
        }
    }

    /// <summary>Runs a program to completion, capturing its output; stopped when it outlives <paramref name="timeout"/>.</summary>
    /// <exception cref="PrerequisiteMissingException">The program cannot be started.</exception>
    public static async Task<ClientResult> RunAsync(ProcessStartInfo info, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        ChildProcessResult result;
        try
        {
            result = await ChildProcess.RunAsync(info, timeout, cancellationToken);
        }
        catch (ChildProcessStartException ex)
        {
            throw NotStarted(info, ex);
        }

        return result.TimedOut
            ? new ClientResult(-1, result.Stdout, $"{Path.GetFileName(info.FileName)} did not finish within {timeout?.TotalSeconds:0} s and was stopped")
            : new ClientResult(result.ExitCode, result.Stdout, result.Stderr);
    }

    /// <exception cref="PrerequisiteMissingException">The program cannot be started.</exception>
    public static Process Start(ProcessStartInfo info)
    {
        try
        {
            return ChildProcess.Start(info);
        }
        catch (ChildProcessStartException ex)
        {
            throw NotStarted(info, ex);
        }
    }

    private static PrerequisiteMissingException NotStarted(ProcessStartInfo info, ChildProcessStartException error) =>
        new($"could not start {info.FileName}: {error.Reason}", error.InnerException);

    // libpq has no variable for the search path: it travels as a server option, like Npgsql's Search Path keyword.
    private static string? Options(ConnectionSettings settings) =>
        settings.SearchPath is null
            ? settings.Options
            : string.Join(' ', new[] { settings.Options, "-c search_path=" + settings.SearchPath.Replace(" ", "\\ ", StringComparison.Ordinal) }.Where(o => o is not null));
}
