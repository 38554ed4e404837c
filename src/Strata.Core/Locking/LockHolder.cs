using System.Globalization;

namespace Strata.Core.Locking;

/// <summary>The session that holds the migration lock, as far as <c>pg_stat_activity</c> shows it to this role.</summary>
internal sealed record LockHolder(int Pid, string? ApplicationName, string? ClientAddress, DateTimeOffset? ConnectedSince, string? User)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"pid {Pid}, user {User ?? "unknown"}, application '{ApplicationName ?? string.Empty}', client {ClientAddress ?? "local or hidden"}, connected since {ConnectedSince?.ToString("u", CultureInfo.InvariantCulture) ?? "unknown"}");
}
