using System.Globalization;
using System.Text;
using static Strata.Cli.Commands.Report.HtmlText;

namespace Strata.Cli.Commands.Report;

/// <summary>
/// Renders a <see cref="MigrationReport"/> as one self-contained HTML page: inline CSS and SVG, no script, nothing
/// fetched. Every piece of text from the database or the files is escaped.
/// </summary>
internal static class HtmlReportRenderer
{
    public static string Render(MigrationReport report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
            .Append("<title>Strata report: ").Append(E(report.Database)).Append("</title>\n<style>\n").Append(HtmlStyle.Css).Append("</style>\n</head>\n<body>\n");
        Header(html, report);
        Migrations(html, report);
        Timeline(html, report);
        HtmlPendingSection.Render(html, report);
        HtmlChecksSection.Render(html, report);
        Tables(html, report);
        return html.Append("</body>\n</html>\n").ToString();
    }

    private static void Header(StringBuilder html, MigrationReport report)
    {
        html.Append("<header id=\"summary\">\n<h1>Strata migration report</h1>\n<p class=\"meta\">Database <code>").Append(E(report.Database))
            .Append("</code> · history table <code>").Append(E(report.HistoryTable)).Append("</code> · generated ")
            .Append(E(ReportWords.Timestamp(report.GeneratedAt))).Append("</p>\n<p><strong>").Append(E(ReportWords.Summary(report))).Append("</strong></p>\n");
        if (report.Migrations.Count > 0)
        {
            html.Append(HtmlCharts.StatusBar(report)).Append("\n<p class=\"legend\">");
            foreach (var status in Enum.GetValues<ReportStatus>().Where(s => report.Count(s) > 0))
            {
                html.Append("<span><i class=\"swatch s-").Append(ReportWords.StatusKey(status)).Append("\"></i>")
                    .Append(E($"{ReportWords.Status(status)}: {report.Count(status)}")).Append("</span>");
            }

            html.Append("</p>\n");
        }

        html.Append("</header>\n");
    }

    private static void Migrations(StringBuilder html, MigrationReport report)
    {
        html.Append("<section id=\"migrations\">\n<h2>Migrations</h2>\n");
        if (report.Migrations.Count == 0)
        {
            html.Append("<p>No migrations in the directory or the history.</p>\n</section>\n");
            return;
        }

        html.Append("<table>\n<thead><tr><th>Version</th><th>Description</th><th>Status</th>")
            .Append(report.HasPhases ? "<th>Phase</th>" : string.Empty)
            .Append("<th>Applied by</th><th>Applied at</th><th>Duration</th></tr></thead>\n<tbody>\n");
        foreach (var m in report.Migrations)
        {
            html.Append("<tr class=\"m-").Append(ReportWords.StatusKey(m.Status)).Append("\"><td class=\"mono\">").Append(E(m.Version))
                .Append("</td><td>").Append(E(m.Description)).Append("<div class=\"detail mono\">").Append(E(m.File ?? "(no file)")).Append("</div></td><td><span class=\"badge s-").Append(ReportWords.StatusKey(m.Status)).Append("\">")
                .Append(E(ReportWords.Status(m.Status))).Append("</span>");
            if (ReportWords.Detail(m) is { } detail)
            {
                html.Append("<div class=\"detail next\">").Append(E(detail)).Append("</div>");
            }

            html.Append("</td>");
            if (report.HasPhases)
            {
                html.Append("<td>").Append(E(m.Phase ?? "-")).Append("</td>");
            }

            var h = m.History;
            html.Append("<td>").Append(E(h is null ? "-" : h.ClientHost is null ? h.AppliedBy : $"{h.AppliedBy} on {h.ClientHost}"))
                .Append("</td><td class=\"nowrap\">").Append(E(h is null ? "-" : ReportWords.Timestamp(h.AppliedAt)))
                .Append("</td><td class=\"nowrap\">").Append(E(ReportWords.Duration(h?.Duration))).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Timeline(StringBuilder html, MigrationReport report)
    {
        html.Append("<section id=\"timeline\">\n<h2>Timeline</h2>\n");
        var recorded = report.Recorded.ToList();
        if (recorded.Count == 0)
        {
            html.Append("<p>Nothing has been applied yet.</p>\n</section>\n");
            return;
        }

        var total = TimeSpan.FromTicks(recorded.Sum(m => m.History!.Duration?.Ticks ?? 0));
        html.Append("<p>").Append(E(string.Create(CultureInfo.InvariantCulture,
                $"{recorded.Count} recorded migration(s) from {ReportWords.Timestamp(recorded[0].History!.AppliedAt)} to {ReportWords.Timestamp(recorded[^1].History!.AppliedAt)}, {ReportWords.Duration(total)} of run time in all.")))
            .Append("</p>\n<div class=\"card\">").Append(HtmlCharts.Timeline(recorded)).Append("</div>\n</section>\n");
    }

    private static void Tables(StringBuilder html, MigrationReport report)
    {
        html.Append("<section id=\"tables\">\n<h2>Tables</h2>\n");
        if (report.Tables.Count == 0)
        {
            html.Append("<p>The schema has no tables yet.</p>\n</section>\n");
            return;
        }

        html.Append("<p>").Append(E($"{report.Tables.Count} table(s) in the live schema (the history table left out).")).Append("</p>\n")
            .Append("<table>\n<thead><tr><th>Table</th><th>Columns</th><th>Indexes</th><th>Constraints</th></tr></thead>\n<tbody>\n");
        foreach (var table in report.Tables)
        {
            html.Append("<tr><td class=\"mono\">").Append(E(table.Name)).Append("</td><td class=\"mono\">").Append(E(ReportWords.Columns(table)))
                .Append("</td><td>").Append(table.Indexes.ToString(CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(table.Constraints.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }
}
