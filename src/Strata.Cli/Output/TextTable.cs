using System.Text;

namespace Strata.Cli.Output;

/// <summary>
/// A plain left-aligned text table for human output; cells are measured before styling is applied. Empty headers
/// make a table without a header line (a key/value list).
/// </summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<(string[] Cells, int PaintedColumn, Func<string, string>? Paint)> _rows = [];

    public int Count => _rows.Count;

    /// <summary>Adds a row; <paramref name="paint"/> may colour cell <paramref name="paintedColumn"/> (its padded text).</summary>
    public void Add(string[] cells, int paintedColumn = -1, Func<string, string>? paint = null) => _rows.Add((cells, paintedColumn, paint));

    // One line at a time in one builder, written to the writer without a string per line: a status of 1,000 rows
    // writes 1,000 lines.
    public void WriteTo(TextWriter writer, Style style, string indent = "")
    {
        var widths = headers.Select(h => h.Length).ToArray();
        foreach (var (cells, _, _) in _rows)
        {
            for (var i = 0; i < widths.Length && i < cells.Length; i++)
            {
                widths[i] = Math.Max(widths[i], cells[i].Length);
            }
        }

        var line = new StringBuilder();
        if (headers.Any(h => h.Length > 0))
        {
            Line(line, headers, widths, -1, null);
            writer.WriteLine(indent + style.Bold(line.ToString()));
        }

        foreach (var (cells, paintedColumn, paint) in _rows)
        {
            // Without colour a painter returns its text as it was: the padded cell is not built for it.
            Line(line, cells, widths, paintedColumn, style.Enabled ? paint : null);
            writer.Write(indent);
            writer.Write(line);
            writer.WriteLine();
        }
    }

    // The cells padded to their column's width, the last one not padded, trailing blanks removed.
    private static void Line(StringBuilder line, string[] cells, int[] widths, int paintedColumn, Func<string, string>? paint)
    {
        line.Clear();
        for (var i = 0; i < widths.Length; i++)
        {
            var cell = i < cells.Length ? cells[i] : string.Empty;
            var padding = i == widths.Length - 1 ? 0 : widths[i] + 2 - cell.Length;
            if (i == paintedColumn && paint is not null)
            {
                line.Append(paint(cell + new string(' ', padding)));
            }
            else
            {
                line.Append(cell).Append(' ', padding);
            }
        }

        var end = line.Length;
        while (end > 0 && char.IsWhiteSpace(line[end - 1]))
        {
            end--;
        }

        line.Length = end;
    }
}
