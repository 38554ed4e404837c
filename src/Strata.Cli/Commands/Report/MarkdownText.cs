using System.Text;

namespace Strata.Cli.Commands.Report;

/// <summary>Escaping for Markdown text and table cells, so names and messages cannot turn into markup or HTML.</summary>
internal static class MarkdownText
{
    /// <summary><paramref name="text"/> as literal Markdown text on one line, safe in a table cell.</summary>
    public static string E(string? text)
    {
        var escaped = new StringBuilder();
        foreach (var c in (text ?? string.Empty).ReplaceLineEndings(" "))
        {
            _ = c switch
            {
                '&' => escaped.Append("&amp;"),
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~' or '#' or '!' => escaped.Append('\\').Append(c),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }
}
