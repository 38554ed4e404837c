using System.Globalization;
using System.Text;
using static Strata.Cli.Commands.Report.HtmlText;

namespace Strata.Cli.Commands.Report;

/// <summary>The page's two small inline SVG charts: migrations by status, and how long each applied one took.</summary>
internal static class HtmlCharts
{
    private const int Width = 760;
    private const int LabelWidth = 230;
    private const int BarSpace = 430;
    private const int Row = 22;

    /// <summary>One stacked bar: a segment per status, as wide as its share of the migrations.</summary>
    public static string StatusBar(MigrationReport report)
    {
        var total = report.Migrations.Count;
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg role=\"img\" aria-label=\"Migrations by status\" width=\"{Width}\" height=\"26\" viewBox=\"0 0 {Width} 26\">"));
        svg.Append("<title>").Append(E(ReportWords.Summary(report))).Append("</title>");
        double x = 0;
        foreach (var status in Enum.GetValues<ReportStatus>().Where(s => report.Count(s) > 0))
        {
            var width = Width * (double)report.Count(status) / total;
            svg.Append(Invariant($"<rect x=\"{x:0.#}\" y=\"2\" width=\"{width:0.#}\" height=\"22\" fill=\"{HtmlStyle.Colour(status)}\">"))
                .Append("<title>").Append(E($"{report.Count(status)} {ReportWords.Status(status)}")).Append("</title></rect>");
            x += width;
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>A horizontal bar per recorded migration, in the order they were applied, scaled to the longest.</summary>
    public static string Timeline(IReadOnlyList<ReportMigration> recorded)
    {
        var longest = recorded.Max(m => m.History!.Duration?.TotalMilliseconds ?? 0);
        var height = (recorded.Count * Row) + 8;
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg role=\"img\" aria-label=\"Duration of each applied migration\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\">"));
        svg.Append(Invariant($"<line class=\"axis\" x1=\"{LabelWidth}\" y1=\"0\" x2=\"{LabelWidth}\" y2=\"{height}\" />"));
        for (var i = 0; i < recorded.Count; i++)
        {
            var migration = recorded[i];
            var history = migration.History!;
            var y = (i * Row) + 4;
            var label = migration.Name.Length > 34 ? migration.Name[..33] + "…" : migration.Name;
            var width = history.Duration is { } d && longest > 0 ? Math.Max(2, BarSpace * d.TotalMilliseconds / longest) : 2;
            var note = ReportWords.Took(migration, history);
            svg.Append("<g><title>").Append(E($"{migration.Name}: {ReportWords.Status(migration.Status)}, {note}, {ReportWords.Timestamp(history.AppliedAt)} by {history.AppliedBy}")).Append("</title>")
                .Append(Invariant($"<text x=\"{LabelWidth - 6}\" y=\"{y + 14}\" text-anchor=\"end\">")).Append(E(label)).Append("</text>")
                .Append(Invariant($"<rect x=\"{LabelWidth}\" y=\"{y + 2}\" width=\"{width:0.#}\" height=\"15\" rx=\"2\" fill=\"{HtmlStyle.Colour(migration.Status)}\" />"))
                .Append(Invariant($"<text x=\"{LabelWidth + width + 6:0.#}\" y=\"{y + 14}\">")).Append(E(note)).Append("</text></g>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
