namespace Strata.Core.Planning;

/// <summary>The kinds of problem <c>validate</c> reports.</summary>
public enum ValidationProblemKind
{
    /// <summary>An applied migration's file changed since it was applied.</summary>
    Edited,

    /// <summary>An applied migration's file is no longer in the source.</summary>
    Missing,

    /// <summary>A pending migration is older than the newest applied one.</summary>
    OutOfOrder,

    /// <summary>A <c>transaction:false</c> migration was interrupted and needs <c>repair</c>.</summary>
    Interrupted,

    /// <summary>
    /// <c>up</c> would refuse to run the pending migrations: another tool's history records them as applied, or the
    /// database has tables but no history, and <c>adopt</c>, <c>baseline</c> or <c>stamp</c> must record them first.
    /// </summary>
    AdoptionRequired,
}
