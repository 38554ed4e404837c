using System.Globalization;
using Strata.Cli.Output;
using Strata.Core.Errors;
using Strata.Lint;

namespace Strata.Cli.Commands.Report;

/// <summary>The words both renderers use, so the HTML page and the Markdown comment say the same things.</summary>
internal static class ReportWords
{
    public static string Status(ReportStatus status) => status switch
    {
        ReportStatus.Applied => "applied",
        ReportStatus.Pending => "pending",
        ReportStatus.OutOfOrder => "pending (out of order)",
        ReportStatus.Failed => "interrupted",
        ReportStatus.Running => "running",
        ReportStatus.ChecksumChanged => "drifted: checksum changed",
        _ => "missing file",
    };

    /// <summary>A short class name for styling: <c>failed</c>, <c>checksum-changed</c>.</summary>
    public static string StatusKey(ReportStatus status) => status switch
    {
        ReportStatus.OutOfOrder => "out-of-order",
        ReportStatus.ChecksumChanged => "checksum-changed",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>What to know beyond the status: how far a failed migration got, what to run next.</summary>
    public static string? Detail(ReportMigration migration) => migration.Status switch
    {
        ReportStatus.Failed when migration.History is { } h =>
            $"stopped after {h.StatementsCompleted} of {h.StatementsTotal} statements; next: " +
            Step(migration.ResumesBackfill ? NextStepKind.ResumeBackfill : NextStepKind.Repair, migration.Version),
        ReportStatus.Running when migration.History is { } h =>
            $"{h.StatementsCompleted} of {h.StatementsTotal} statements done so far; a run holds the migration lock now, most likely still running it ({migration.RunningBy})",
        ReportStatus.ChecksumChanged => $"the file differs from what was applied: restore it, or accept it with {Step(NextStepKind.AllowEdited)}",
        ReportStatus.Missing => "recorded as applied, but the file is gone",
        ReportStatus.OutOfOrder => $"older than the newest applied migration; to apply it: {Step(NextStepKind.AllowOutOfOrder)}",
        _ => null,
    };

    private static string Step(NextStepKind kind, string? version = null) => NextStepCommands.Render(new NextStep(kind, version), null);

    public static string Timestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan? duration) => duration is { } d ? DurationText.Format(d) : "-";

    /// <summary>The timeline's note for a recorded migration: how long it took, or why there is no time.</summary>
    public static string Took(ReportMigration migration, ReportHistory history) => migration.Status switch
    {
        _ when history.Duration is not null => Duration(history.Duration),
        ReportStatus.Failed => $"stopped at {history.StatementsCompleted}/{history.StatementsTotal}",
        ReportStatus.Running => $"running, at {history.StatementsCompleted}/{history.StatementsTotal}",
        _ => $"{history.Origin}, not run",
    };

    /// <summary>How long a lock is held: the estimate for a rewrite or scan, or why there is none.</summary>
    public static string LockTime(ReportLock held) => (held.Work, held.EstimatedSeconds) switch
    {
        (null, _) => "brief: a catalog change, no rewrite or scan (it still queues behind open transactions)",
        (var work, < 0.001) => $"under 1ms ({work})",
        (var work, { } s) => $"about {DurationText.Format(TimeSpan.FromSeconds(s))} ({work})",
        (var work, null) => $"unknown: {work} of a table whose size is unknown (lint against a reference database to size it)",
    };

    public static string Severity(LintSeverity severity) => severity.ToString().ToLowerInvariant();

    public static string Evidence(LintFinding finding) => finding.Evidence == LintEvidence.Dynamic ? "observed" : "static";

    public static string Columns(ReportTable table) =>
        string.Join(", ", table.Columns.Select(c => c.NotNull ? $"{c.Name} {c.Type} not null" : $"{c.Name} {c.Type}"));

    public static string Summary(MigrationReport report) =>
        string.Join(", ", Enum.GetValues<ReportStatus>().Where(s => report.Count(s) > 0).Select(s => $"{report.Count(s)} {Status(s)}"))
        is { Length: > 0 } text ? text : "no migrations";

    public static string LintHeadline(ReportLint lint, int findings) =>
        lint.Files == 0
            ? "nothing pending to lint"
            : $"{lint.Files} pending file(s), {lint.Statements} statement(s), {findings} finding(s)"
              + (lint.Suppressed > 0 ? $", {lint.Suppressed} suppressed" : string.Empty)
              + (lint.Dynamic ? "; statements also ran on a scratch copy and their locks were observed" : "; static analysis only (run with --dynamic to observe locks)");

    public static string VerifyHeadline(ReportVerify verify) =>
        verify.Failure ?? $"passed: each of {verify.Migrations} migration(s) goes up, down and up again, and each down restores the schema";

    public static string DriftHeadline(ReportDrift drift) =>
        drift.HasDrift
            ? $"{drift.Differences.Count} object(s) differ from what the {drift.AppliedMigrations} applied migration(s) produce"
            : $"no drift: the schema is what its {drift.AppliedMigrations} applied migration(s) produce";
}
