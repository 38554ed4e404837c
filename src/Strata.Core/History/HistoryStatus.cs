namespace Strata.Core.History;

/// <summary>The state of a history row.</summary>
public enum HistoryStatus
{
    /// <summary>The migration is applied (stored as <c>applied</c>).</summary>
    Applied,

    /// <summary>A <c>transaction:false</c> up section started and has not finished (stored as <c>running</c>).</summary>
    Running,

    /// <summary>A <c>transaction:false</c> down section started and has not finished (stored as <c>reverting</c>).</summary>
    Reverting,
}
