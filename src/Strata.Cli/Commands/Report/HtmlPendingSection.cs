using System.Globalization;
using System.Text;
using static Strata.Cli.Commands.Report.HtmlText;

namespace Strata.Cli.Commands.Report;

/// <summary>The page's section on pending migrations: each one's lint findings and the locks its statements took.</summary>
internal static class HtmlPendingSection
{
    public static void Render(StringBuilder html, MigrationReport report)
    {
        html.Append("<section id=\"pending\">\n<h2>Pending migrations and lint</h2>\n");
        if (report.Lint.Result is not { } lint)
        {
            html.Append("<p class=\"skipped\">Lint did not run: ").Append(E(report.Lint.Problem)).Append("</p>\n");
        }
        else
        {
            html.Append("<p>").Append(E(ReportWords.LintHeadline(lint, report.Pending.Sum(m => m.Findings.Count)))).Append("</p>\n");
        }

        if (report.Refusal is { } refusal)
        {
            html.Append("<p class=\"bad\">").Append(E(refusal)).Append("</p>\n");
        }

        var pending = report.Pending.ToList();
        if (pending.Count == 0)
        {
            html.Append("<p>No pending migrations.</p>\n");
        }

        foreach (var migration in pending)
        {
            html.Append("<div class=\"card\">\n<h3><span class=\"mono\">").Append(E(migration.Name)).Append("</span> <span class=\"badge s-")
                .Append(ReportWords.StatusKey(migration.Status)).Append("\">").Append(E(ReportWords.Status(migration.Status))).Append("</span></h3>\n")
                .Append("<p class=\"detail mono\">").Append(E(migration.File)).Append("</p>\n");
            if (report.Lint.Result is not null)
            {
                Findings(html, migration);
                Locks(html, migration, report.Lint.Result.Dynamic);
            }

            html.Append("</div>\n");
        }

        html.Append("</section>\n");
    }

    private static void Findings(StringBuilder html, ReportMigration migration)
    {
        if (migration.Findings.Count == 0)
        {
            html.Append("<p class=\"ok\">No lint findings.</p>\n");
            return;
        }

        html.Append("<table>\n<thead><tr><th>Severity</th><th>Rule</th><th>Line</th><th>Evidence</th><th>Finding</th><th>Instead</th></tr></thead>\n<tbody>\n");
        foreach (var finding in migration.Findings)
        {
            var severity = ReportWords.Severity(finding.Severity);
            html.Append("<tr><td><span class=\"badge sev-").Append(severity).Append("\">").Append(severity).Append("</span></td><td class=\"mono\">")
                .Append(E(finding.Rule)).Append("</td><td>").Append(string.Create(CultureInfo.InvariantCulture, $"{finding.Line}:{finding.Column}"))
                .Append("</td><td>").Append(ReportWords.Evidence(finding)).Append("</td><td>").Append(E(finding.Message))
                .Append("</td><td>").Append(E(finding.SafeAlternative)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void Locks(StringBuilder html, ReportMigration migration, bool dynamic)
    {
        if (!dynamic)
        {
            html.Append("<p class=\"detail\">Locks not observed: static lint only.</p>\n");
            return;
        }

        if (migration.Locks.Count == 0)
        {
            html.Append("<p class=\"ok\">No locks on existing tables observed.</p>\n");
            return;
        }

        html.Append("<table class=\"locks\">\n<thead><tr><th>Line</th><th>Table</th><th>Lock</th><th>Blocks</th><th>For how long</th></tr></thead>\n<tbody>\n");
        foreach (var held in migration.Locks)
        {
            html.Append("<tr><td>").Append(held.Line.ToString(CultureInfo.InvariantCulture)).Append("</td><td class=\"mono\">").Append(E(held.Table))
                .Append("</td><td class=\"mono\">").Append(E(held.Mode)).Append("</td><td>").Append(E(held.Blocks))
                .Append("</td><td>").Append(E(ReportWords.LockTime(held))).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }
}
