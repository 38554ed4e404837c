namespace Strata.Cli.Commands.Report;

/// <summary>Everything `strata report` shows, gathered once and rendered as HTML or Markdown.</summary>
/// <param name="GeneratedAt">When the report was gathered.</param>
/// <param name="Database">The database, as a URL with the password masked.</param>
/// <param name="HistoryTable">The history table that was read.</param>
/// <param name="Migrations">Every migration in the directory or the history, by version.</param>
/// <param name="Lint">How the pending migrations were linted, or why they were not.</param>
/// <param name="Verify">The verify result, or why it did not run.</param>
/// <param name="Drift">The drift result, or why it did not run.</param>
/// <param name="Tables">The live schema's tables.</param>
internal sealed record MigrationReport(
    DateTimeOffset GeneratedAt,
    string Database,
    string HistoryTable,
    IReadOnlyList<ReportMigration> Migrations,
    ReportCheck<ReportLint> Lint,
    ReportCheck<ReportVerify> Verify,
    ReportCheck<ReportDrift> Drift,
    IReadOnlyList<ReportTable> Tables)
{
    /// <summary>
    /// Why <c>up</c> would refuse the pending migrations until another tool's history is adopted, with the command that
    /// resolves it (as <c>status</c> warns); null when it would run them.
    /// </summary>
    public string? Refusal { get; init; }

    /// <summary>How many migrations are in <paramref name="status"/>.</summary>
    public int Count(ReportStatus status) => Migrations.Count(m => m.Status == status);

    /// <summary>The migrations not applied yet, in the order `up` would run them.</summary>
    public IEnumerable<ReportMigration> Pending => Migrations.Where(m => m.Status is ReportStatus.Pending or ReportStatus.OutOfOrder);

    /// <summary>The migrations the history records, in the order they were applied: the timeline.</summary>
    public IEnumerable<ReportMigration> Recorded => Migrations.Where(m => m.History is not null).OrderBy(m => m.History!.AppliedAt);

    /// <summary>True once any migration runs after the deploy; until then every migration runs before it, as in <c>status</c>.</summary>
    public bool HasPhases => Migrations.Any(m => m.Phase == "post");
}
