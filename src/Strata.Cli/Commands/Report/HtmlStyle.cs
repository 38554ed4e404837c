namespace Strata.Cli.Commands.Report;

/// <summary>The report page's stylesheet, inlined so the page needs nothing from the network.</summary>
internal static class HtmlStyle
{
    public const string Css = """
        :root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --panel: #f6f8fa; }
        * { box-sizing: border-box; }
        body { margin: 0; padding: 24px 32px 48px; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); max-width: 1100px; }
        header { border-bottom: 1px solid var(--line); margin-bottom: 8px; }
        h1 { font-size: 24px; margin: 0 0 4px; }
        h2 { font-size: 18px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
        h3 { font-size: 15px; margin: 16px 0 6px; }
        .meta { color: var(--muted); margin: 0 0 12px; }
        code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
        table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
        th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
        th { background: var(--panel); font-weight: 600; white-space: nowrap; }
        .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; white-space: nowrap; }
        .s-applied { background: #1a7f37; } .s-pending { background: #0969da; } .s-out-of-order { background: #8250df; }
        .s-failed { background: #cf222e; } .s-checksum-changed { background: #bc4c00; } .s-missing { background: #6e7781; }
        .s-running { background: #9a6700; }
        .sev-error { background: #cf222e; } .sev-warning { background: #9a6700; } .sev-info { background: #6e7781; }
        .ok { color: #1a7f37; font-weight: 600; } .bad { color: #cf222e; font-weight: 600; } .skipped { color: #9a6700; font-weight: 600; }
        .nowrap { white-space: nowrap; }
        .detail { color: var(--muted); font-size: 12.5px; }
        .card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; margin: 10px 0; background: var(--bg); }
        .legend span { margin-right: 14px; white-space: nowrap; }
        .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 4px; vertical-align: baseline; }
        svg text { font: 12px system-ui, -apple-system, "Segoe UI", sans-serif; fill: var(--fg); }
        svg .axis { stroke: var(--line); }
        ul.diff { margin: 4px 0; padding-left: 20px; }
        """;

    /// <summary>The colour of each status, matching the badge classes above; used by the SVG charts.</summary>
    public static string Colour(ReportStatus status) => status switch
    {
        ReportStatus.Applied => "#1a7f37",
        ReportStatus.Pending => "#0969da",
        ReportStatus.OutOfOrder => "#8250df",
        ReportStatus.Failed => "#cf222e",
        ReportStatus.Running => "#9a6700",
        ReportStatus.ChecksumChanged => "#bc4c00",
        _ => "#6e7781",
    };
}
