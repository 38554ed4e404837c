using System.Text;

namespace Strata.Cli.Output;

/// <summary>
/// A plain left-aligned text table for human output; cells are measured before styling is applied. Empty headers
/// make a table without a header line (a key/value list).
/// </summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<(string[] Cells, Func<int, string, string>? Paint)> _rows = [];

    public int Count => _rows.Count;

    /// <summary>Adds a row; <paramref name="paint"/> may colour a cell (column index, padded text) after padding.</summary>
    public void Add(string[] cells, Func<int, string, string>? paint = null) => _rows.Add((cells, paint));

    public void WriteTo(TextWriter writer, Style style, string indent = "")
    {
        var widths = headers.Select(h => h.Length).ToArray();
        foreach (var (cells, _) in _rows)
        {
            for (var i = 0; i < widths.Length && i < cells.Length; i++)
            {
                widths[i] = Math.Max(widths[i], cells[i].Length);
            }
        }

        if (headers.Any(h => h.Length > 0))
        {
            writer.WriteLine(indent + style.Bold(Line(headers, widths, null).TrimEnd()));
        }

        foreach (var (cells, paint) in _rows)
        {
            writer.WriteLine(indent + Line(cells, widths, paint).TrimEnd());
        }
    }

    private static string Line(string[] cells, int[] widths, Func<int, string, string>? paint)
    {
        var line = new StringBuilder();
        for (var i = 0; i < widths.Length; i++)
        {
            var cell = i < cells.Length ? cells[i] : string.Empty;
            var padded = i == widths.Length - 1 ? cell : cell.PadRight(widths[i] + 2);
            line.Append(paint is null ? padded : paint(i, padded));
        }

        return line.ToString();
    }
}
