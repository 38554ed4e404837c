using Npgsql;
using Strata.Cli.Hosting;
using Strata.Core.Errors;
using Strata.Lint;

namespace Strata.Cli.Commands.Lint;

/// <summary>
/// The databases of a dynamic lint: the reference (--database-url, STRATA_DATABASE_URL or DATABASE_URL, if any)
/// and the scratch server (--scratch-url, STRATA_SCRATCH_URL, else the local cluster).
/// </summary>
internal static class LintDatabases
{
    public static async Task<DynamicLintOptions> ReadAsync(CommandRun run, CancellationToken cancellationToken)
    {
        var reference = run.Settings.GivenDatabaseUrl();
        var scratchUrl = run.Settings.ScratchUrl.Value;
        var scratch = scratchUrl is not null ? ConnectionString(scratchUrl, "--scratch-url") : await LocalServerAsync(run, cancellationToken);
        return new DynamicLintOptions { ScratchServer = scratch, Reference = reference is null ? null : ConnectionString(reference, "--database-url") };
    }

    private static async Task<string> LocalServerAsync(CommandRun run, CancellationToken cancellationToken)
    {
        var endpoint = await run.LocalCluster().EnsureStartedAsync(cancellationToken);
        return new NpgsqlConnectionStringBuilder { Host = endpoint.Host, Port = endpoint.Port, Username = endpoint.Username, Database = "postgres" }.ConnectionString;
    }

    // A postgres:// URL (or a keyword string) as Npgsql keywords; the password never reaches a message.
    private static string ConnectionString(string text, string flag)
    {
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            try
            {
                return new NpgsqlConnectionStringBuilder(text).ConnectionString;
            }
            catch (ArgumentException)
            {
                throw new ConfigurationException($"{flag}: not a postgres:// URL or a keyword connection string");
            }
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgres" or "postgresql") || uri.Host.Length == 0)
        {
            throw new ConfigurationException($"{flag}: give a URL of the form postgres://user:password@host:port/database");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } database ? database : "postgres",
        };
        var user = uri.UserInfo.Split(':', 2);
        if (user[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(user[0]);
        }

        if (user.Length > 1)
        {
            builder.Password = Uri.UnescapeDataString(user[1]);
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = pair.Split('=', 2) is [var k, var v] ? (k, Uri.UnescapeDataString(v)) : (pair, "");
            if (key == "sslmode")
            {
                builder.SslMode = Enum.TryParse<SslMode>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var mode)
                    ? mode
                    : throw new ConfigurationException($"{flag}: sslmode '{value}' is not one of disable, allow, prefer, require, verify-ca, verify-full");
            }
        }

        return builder.ConnectionString;
    }
}
