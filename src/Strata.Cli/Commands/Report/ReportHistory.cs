namespace Strata.Cli.Commands.Report;

/// <summary>What the history table says about one migration.</summary>
/// <param name="AppliedAt">When it was applied, or when the interrupted section started.</param>
/// <param name="AppliedBy">The database role that applied it.</param>
/// <param name="ClientHost">The machine Strata ran on, when recorded.</param>
/// <param name="Duration">How long it ran; null for recorded-only and interrupted rows.</param>
/// <param name="Origin">How the row came to be: run, stamp, baseline, repair, edited-accepted.</param>
/// <param name="StatementsCompleted">How many statements of the running section completed.</param>
/// <param name="StatementsTotal">How many statements the section has.</param>
internal sealed record ReportHistory(
    DateTimeOffset AppliedAt,
    string AppliedBy,
    string? ClientHost,
    TimeSpan? Duration,
    string Origin,
    int StatementsCompleted,
    int StatementsTotal);
