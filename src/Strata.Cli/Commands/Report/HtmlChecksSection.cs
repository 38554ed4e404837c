using System.Text;
using Strata.Core.Schema;
using static Strata.Cli.Commands.Report.HtmlText;

namespace Strata.Cli.Commands.Report;

/// <summary>The page's verify and drift sections.</summary>
internal static class HtmlChecksSection
{
    public static void Render(StringBuilder html, MigrationReport report)
    {
        html.Append("<section id=\"verify\">\n<h2>Verify</h2>\n<p class=\"detail\">Each migration applied, rolled back and re-applied on a scratch database.</p>\n");
        if (report.Verify.Result is { } verify)
        {
            Outcome(html, verify.Passed, ReportWords.VerifyHeadline(verify), verify.Differences);
        }
        else
        {
            NotRun(html, report.Verify.Problem);
        }

        html.Append("</section>\n<section id=\"drift\">\n<h2>Drift</h2>\n<p class=\"detail\">The live schema against the one its applied migrations build on a scratch database.</p>\n");
        if (report.Drift.Result is { } drift)
        {
            Outcome(html, !drift.HasDrift, ReportWords.DriftHeadline(drift), drift.Differences);
        }
        else
        {
            NotRun(html, report.Drift.Problem);
        }

        html.Append("</section>\n");
    }

    private static void Outcome(StringBuilder html, bool passed, string headline, IReadOnlyList<SchemaDifference> differences)
    {
        html.Append("<p class=\"").Append(passed ? "ok" : "bad").Append("\">").Append(E(headline)).Append("</p>\n");
        if (differences.Count > 0)
        {
            html.Append("<ul class=\"diff mono\">\n");
            foreach (var difference in differences)
            {
                html.Append("<li>").Append(E(difference.ToString())).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }
    }

    private static void NotRun(StringBuilder html, string? problem) =>
        html.Append("<p class=\"skipped\">Did not run: ").Append(E(problem)).Append("</p>\n");
}
