namespace Strata.Core.Execution;

/// <summary>What <c>repair</c> does with an interrupted <c>transaction:false</c> migration.</summary>
internal enum RepairAction
{
    /// <summary>Only report the state; change nothing.</summary>
    Inspect,

    /// <summary>
    /// The interrupted section was finished by hand: an interrupted up is recorded as applied; an interrupted down has
    /// its history row removed.
    /// </summary>
    Complete,

    /// <summary>
    /// Run the section again from its first statement: an interrupted up has its row removed so <c>up</c> applies it
    /// again; an interrupted down is recorded as applied again so <c>down</c> rolls it back again. The section's
    /// statements must then be safe to repeat (for example <c>IF NOT EXISTS</c>).
    /// </summary>
    Retry,
}
