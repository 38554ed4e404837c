using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.Core.Data;
using Strata.Core.Logging;

namespace Strata.Core.Schema;

/// <summary>
/// Drops the scratch databases runs left behind when they were killed before their clean-up (SIGKILL, a CI job's
/// time limit, a lost machine): named by <see cref="ScratchNames"/>, older than a day by the server's clock, and with
/// no session connected. A run keeps its scratch databases connected while it uses them, so neither test can mistake
/// one in use; a database this user may not drop, or that someone connects to meanwhile, is left.
/// </summary>
internal static class ScratchSweeper
{
    /// <summary>How old a scratch database with nobody connected must be to count as left behind.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(24);

    private const string Candidates = """
        SELECT now() AT TIME ZONE 'UTC',
               ARRAY(SELECT d.datname::text FROM pg_database d
                     WHERE d.datname ~ $1 AND NOT EXISTS (SELECT FROM pg_stat_activity a WHERE a.datid = d.oid)
                     ORDER BY d.datname)
        """;

    /// <summary>Drops what was left behind on the server of <paramref name="connection"/>; returns the server's time, in UTC.</summary>
    public static async Task<DateTime> SweepAsync(NpgsqlConnection connection, ILogger logger, CancellationToken cancellationToken)
    {
        DateTime now;
        string[] names;
        await using (var command = new NpgsqlCommand(Candidates, connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = ScratchNames.Pattern });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            now = DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc);
            names = reader.GetFieldValue<string[]>(1);
        }

        foreach (var name in names)
        {
            if (ScratchNames.CreatedAt(name) is not { } created || now - created <= AbandonedAfter)
            {
                continue;
            }

            try
            {
                await Db.ExecuteAsync(connection, "DROP DATABASE IF EXISTS " + SqlText.Identifier(name), cancellationToken);
                LogMessages.ScratchDatabaseSwept(logger, name, created);
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.ObjectInUse or PostgresErrorCodes.InsufficientPrivilege)
            {
                LogMessages.ScratchDatabaseKept(logger, name, ex.MessageText);
            }
        }

        return now;
    }
}
