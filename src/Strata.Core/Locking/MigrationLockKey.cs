using System.Buffers.Binary;
using System.Text;
using Strata.Core.Configuration;
using Strata.Core.Data;

namespace Strata.Core.Locking;

/// <summary>
/// The key of the migration lock: the first 8 bytes, big-endian, of the SHA-256 of
/// <c>strata-migrations:{database}:{schema}.{table}</c>, as a signed bigint. Runs against the same database and history
/// table share a lock; different databases or history tables on one server do not block each other.
/// </summary>
internal static class MigrationLockKey
{
    public static long Compute(string database, HistoryTableName table)
    {
        var digest = Sha256.HashData(Encoding.UTF8.GetBytes($"strata-migrations:{database}:{table.Schema}.{table.Name}"));
        return BinaryPrimitives.ReadInt64BigEndian(digest);
    }

    /// <summary>The same key computed by the server for its current database, for scripts run outside Strata.</summary>
    public static string SqlExpression(HistoryTableName table)
    {
        var suffix = $":{table.Schema}.{table.Name}".Replace("'", "''", StringComparison.Ordinal);
        return $"('x' || left(encode(sha256(convert_to('strata-migrations:' || current_database() || '{suffix}', 'UTF8')), 'hex'), 16))::bit(64)::bigint";
    }
}
