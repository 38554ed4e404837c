using System.Globalization;
using System.Text;
using Strata.Core.Schema;
using static Strata.Cli.Commands.Report.MarkdownText;

namespace Strata.Cli.Commands.Report;

/// <summary>Renders a <see cref="MigrationReport"/> as Markdown for a pull-request comment: the page's sections, with text bars for the timeline.</summary>
internal static class MarkdownReportRenderer
{
    private const int BarWidth = 24;

    public static string Render(MigrationReport report)
    {
        var md = new StringBuilder();
        md.Append("# Strata migration report\n\n")
            .Append(Invariant($"Database `{Code(report.Database)}` · history table `{Code(report.HistoryTable)}` · generated {ReportWords.Timestamp(report.GeneratedAt)}\n\n"))
            .Append("**").Append(E(ReportWords.Summary(report))).Append("**\n");
        Migrations(md, report);
        Timeline(md, report);
        Pending(md, report);
        Check(md, "Verify", report.Verify.Problem, report.Verify.Result is { } v ? (v.Passed, ReportWords.VerifyHeadline(v), v.Differences) : null);
        Check(md, "Drift", report.Drift.Problem, report.Drift.Result is { } d ? (!d.HasDrift, ReportWords.DriftHeadline(d), d.Differences) : null);
        Tables(md, report);
        return md.ToString();
    }

    private static void Migrations(StringBuilder md, MigrationReport report)
    {
        md.Append("\n## Migrations\n\n");
        if (report.Migrations.Count == 0)
        {
            md.Append("No migrations in the directory or the history.\n");
            return;
        }

        md.Append("| Version | Description | Status |").Append(report.HasPhases ? " Phase |" : "").Append(" Applied by | Applied at | Duration |\n")
            .Append("|---|---|---|").Append(report.HasPhases ? "---|" : "").Append("---|---|---|\n");
        foreach (var m in report.Migrations)
        {
            var status = ReportWords.Detail(m) is { } detail ? $"**{E(ReportWords.Status(m.Status))}**: {E(detail)}" : E(ReportWords.Status(m.Status));
            var h = m.History;
            md.Append(Invariant($"| {E(m.Version)} | {E(m.Description)} | {status} |"))
                .Append(report.HasPhases ? $" {E(m.Phase ?? "-")} |" : "")
                .Append(Invariant($" {E(h is null ? "-" : h.ClientHost is null ? h.AppliedBy : $"{h.AppliedBy} on {h.ClientHost}")} | {E(h is null ? "-" : ReportWords.Timestamp(h.AppliedAt))} | {E(ReportWords.Duration(h?.Duration))} |\n"));
        }
    }

    private static void Timeline(StringBuilder md, MigrationReport report)
    {
        md.Append("\n## Timeline\n\n");
        var recorded = report.Recorded.ToList();
        if (recorded.Count == 0)
        {
            md.Append("Nothing has been applied yet.\n");
            return;
        }

        var longest = recorded.Max(m => m.History!.Duration?.TotalMilliseconds ?? 0);
        md.Append("| Migration | Applied at | Duration | |\n|---|---|---|---|\n");
        foreach (var m in recorded)
        {
            var h = m.History!;
            var bar = h.Duration is { } d && longest > 0 ? new string('█', Math.Max(1, (int)Math.Round(BarWidth * d.TotalMilliseconds / longest))) : "";
            var time = ReportWords.Took(m, h);
            md.Append(Invariant($"| {E(m.Name)} | {ReportWords.Timestamp(h.AppliedAt)} | {E(time)} | {bar} |\n"));
        }
    }

    private static void Pending(StringBuilder md, MigrationReport report)
    {
        md.Append("\n## Pending migrations and lint\n\n");
        var pending = report.Pending.ToList();
        md.Append(report.Lint.Result is { } lint
            ? E(ReportWords.LintHeadline(lint, pending.Sum(m => m.Findings.Count)))
            : "Lint did not run: " + E(report.Lint.Problem)).Append('\n');
        if (report.Refusal is { } refusal)
        {
            md.Append("\n**").Append(E(refusal)).Append("**\n");
        }

        if (pending.Count == 0)
        {
            md.Append("\nNo pending migrations.\n");
        }

        foreach (var m in pending)
        {
            md.Append("\n### ").Append(E(m.Name)).Append("\n\n");
            if (report.Lint.Result is null)
            {
                continue;
            }

            md.Append(m.Findings.Count == 0 ? "No lint findings.\n" : "| Severity | Rule | Line | Evidence | Finding | Instead |\n|---|---|---|---|---|---|\n");
            foreach (var f in m.Findings)
            {
                md.Append(Invariant($"| {ReportWords.Severity(f.Severity)} | {E(f.Rule)} | {f.Line}:{f.Column} | {ReportWords.Evidence(f)} | {E(f.Message)} | {E(f.SafeAlternative)} |\n"));
            }

            if (!report.Lint.Result.Dynamic)
            {
                md.Append("\nLocks not observed: static lint only.\n");
                continue;
            }

            md.Append(m.Locks.Count == 0 ? "\nNo locks on existing tables observed.\n" : "\n| Line | Table | Lock | Blocks | For how long |\n|---|---|---|---|---|\n");
            foreach (var l in m.Locks)
            {
                md.Append(Invariant($"| {l.Line} | {E(l.Table)} | {E(l.Mode)} | {E(l.Blocks)} | {E(ReportWords.LockTime(l))} |\n"));
            }
        }
    }

    private static void Check(StringBuilder md, string title, string? problem, (bool Passed, string Headline, IReadOnlyList<SchemaDifference> Differences)? outcome)
    {
        md.Append("\n## ").Append(title).Append("\n\n");
        if (outcome is not { } o)
        {
            md.Append("Did not run: ").Append(E(problem)).Append('\n');
            return;
        }

        md.Append(o.Passed ? "✅ " : "❌ ").Append(E(o.Headline)).Append('\n');
        if (o.Differences.Count > 0)
        {
            md.Append('\n');
        }

        foreach (var difference in o.Differences)
        {
            md.Append("- ").Append(E(difference.ToString())).Append('\n');
        }
    }

    private static void Tables(StringBuilder md, MigrationReport report)
    {
        md.Append("\n## Tables\n\n");
        if (report.Tables.Count == 0)
        {
            md.Append("The schema has no tables yet.\n");
            return;
        }

        md.Append("| Table | Columns | Indexes | Constraints |\n|---|---|---|---|\n");
        foreach (var t in report.Tables)
        {
            md.Append(Invariant($"| {E(t.Name)} | {E(ReportWords.Columns(t))} | {t.Indexes} | {t.Constraints} |\n"));
        }
    }

    // Inside a code span only the backtick is special; a name holding one is shown without it.
    private static string Code(string text) => text.Replace('`', '\'').ReplaceLineEndings(" ");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
