"""Draws the benchmark chart as a standalone SVG (standard library only): two panels of horizontal bars."""
from xml.sax.saxutils import escape

WIDTH = 820
LABEL_W = 190
BAR_H = 22
GAP = 8
PLOT_W = WIDTH - LABEL_W - 110
STRATA_COLOUR = "#1f6feb"
PEER_COLOUR = "#8c959f"
LINE_COLOURS = ["#cf222e", "#9a6700"]


def _panel(y, title, bars, lines, unit):
    """bars: [(label, value, is_strata)]; lines: [(label, value)] drawn as dashed verticals across the bars."""
    top = max([v for _, v, _ in bars] + [v for _, v in lines]) * 1.08 or 1.0
    x_of = lambda v: LABEL_W + PLOT_W * v / top  # noqa: E731
    out = [f'<text x="10" y="{y + 16}" font-size="15" font-weight="bold">{escape(title)}</text>']
    y0 = y + 30
    for i, (label, value, strata) in enumerate(bars):
        by = y0 + i * (BAR_H + GAP)
        colour = STRATA_COLOUR if strata else PEER_COLOUR
        out.append(f'<text x="{LABEL_W - 8}" y="{by + 16}" font-size="13" text-anchor="end">{escape(label)}</text>')
        out.append(f'<rect x="{LABEL_W}" y="{by}" width="{max(x_of(value) - LABEL_W, 1):.1f}" height="{BAR_H}" fill="{colour}"/>')
        out.append(f'<text x="{x_of(value) + 6:.1f}" y="{by + 16}" font-size="12">{value:.1f} {unit}</text>')
    bottom = y0 + len(bars) * (BAR_H + GAP)
    for j, (label, value) in enumerate(lines):
        colour = LINE_COLOURS[j % len(LINE_COLOURS)]
        x = x_of(value)
        out.append(f'<line x1="{x:.1f}" y1="{y0 - 4}" x2="{x:.1f}" y2="{bottom}" stroke="{colour}" stroke-width="2" stroke-dasharray="6 4"/>')
        out.append(f'<text x="{LABEL_W}" y="{bottom + 16 + j * 16}" font-size="12" fill="{colour}">'
                   f'- - {escape(label)}: {value:.1f} {unit}</text>')
    return out, bottom + 24 + len(lines) * 16


def draw(path, apply_panel, noop_panel):
    """Each panel is (title, bars, lines, unit)."""
    body, y = _panel(10, *apply_panel)
    second, y = _panel(y + 10, *noop_panel)
    body += second
    svg = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{y}" viewBox="0 0 {WIDTH} {y}" '
        'font-family="Helvetica, Arial, sans-serif">',
        f'<rect width="{WIDTH}" height="{y}" fill="white"/>',
        *body,
        "</svg>",
    ]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(svg) + "\n")
