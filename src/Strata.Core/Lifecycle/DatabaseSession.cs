namespace Strata.Core.Lifecycle;

/// <summary>One client session, as <c>pg_stat_activity</c> and <c>pg_blocking_pids</c> show it.</summary>
/// <param name="Pid">The server process id.</param>
/// <param name="User">The role it is logged in as.</param>
/// <param name="Database">The database it is connected to.</param>
/// <param name="ClientAddress">The client's IP address; null for a Unix-socket connection.</param>
/// <param name="Application">Its <c>application_name</c>.</param>
/// <param name="State">Its state: <c>active</c>, <c>idle</c>, <c>idle in transaction</c>, ...</param>
/// <param name="WaitEvent">What it waits for, as <c>type:event</c> (such as <c>Lock:relation</c>); null when it does not wait.</param>
/// <param name="TransactionAge">How long its current transaction has been open; null outside a transaction.</param>
/// <param name="QueryStart">When its current (or last) query started.</param>
/// <param name="Query">The first 80 characters of that query, whitespace collapsed, known secrets masked.</param>
/// <param name="BlockedBy">The sessions it waits for on a lock; empty when it is not blocked.</param>
/// <param name="IsBlocking">Whether another session waits for it on a lock.</param>
internal sealed record DatabaseSession(
    int Pid,
    string? User,
    string? Database,
    string? ClientAddress,
    string? Application,
    string? State,
    string? WaitEvent,
    TimeSpan? TransactionAge,
    DateTimeOffset? QueryStart,
    string? Query,
    IReadOnlyList<int> BlockedBy,
    bool IsBlocking);
