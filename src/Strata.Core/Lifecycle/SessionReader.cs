using Npgsql;
using Strata.Core.Secrets;

namespace Strata.Core.Lifecycle;

/// <summary><c>db sessions</c>: the client sessions of the database (or server), with who blocks whom.</summary>
internal static class SessionReader
{
    private const int QueryLength = 80;

    private const string Query = """
        SELECT a.pid, a.usename::text, a.datname::text, host(a.client_addr), a.application_name, a.state,
               CASE WHEN a.wait_event IS NULL THEN NULL ELSE a.wait_event_type || ':' || a.wait_event END,
               clock_timestamp() - a.xact_start, a.query_start,
               btrim(regexp_replace(a.query, '\s+', ' ', 'g')),
               pg_blocking_pids(a.pid)
        FROM pg_catalog.pg_stat_activity a
        WHERE a.backend_type = 'client backend' AND a.pid <> pg_backend_pid() AND ($1 OR a.datname = current_database())
        ORDER BY a.xact_start NULLS LAST, a.pid
        """;

    public static async Task<SessionsResult> RunAsync(LifecycleContext context, SessionsOptions options, CancellationToken cancellationToken)
    {
        await using var dataSource = await context.OpenTargetAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Query, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = options.AllDatabases });
        var rows = new List<(DatabaseSession Session, int[] BlockedBy)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(Read(reader));
            }
        }

        var blockers = rows.SelectMany(r => r.BlockedBy).ToHashSet();
        var sessions = rows.Select(r => r.Session with { IsBlocking = blockers.Contains(r.Session.Pid) }).ToList();
        return new SessionsResult(context.Database, LifecycleContext.ServerOf(connection), options.AllDatabases, sessions);
    }

    private static (DatabaseSession, int[]) Read(NpgsqlDataReader reader)
    {
        var blockedBy = reader.GetFieldValue<int[]>(10);
        var session = new DatabaseSession(
            reader.GetInt32(0),
            Text(reader, 1),
            Text(reader, 2),
            Text(reader, 3),
            Text(reader, 4),
            Text(reader, 5),
            Text(reader, 6),
            reader.IsDBNull(7) ? null : reader.GetFieldValue<TimeSpan>(7),
            reader.IsDBNull(8) ? null : new DateTimeOffset(reader.GetFieldValue<DateTime>(8)),
            reader.IsDBNull(9) ? null : Shown(reader.GetString(9)),
            blockedBy,
            IsBlocking: false);
        return (session, blockedBy);
    }

    // Masked whole, then cut: a cut first could leave a password literal without its closing quote.
    private static string Shown(string query)
    {
        var text = SecretRedactor.Redact(query);
        return text.Length <= QueryLength ? text : text[..QueryLength];
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
