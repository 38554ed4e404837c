using System.Text;

namespace Strata.Cli.Output;

/// <summary>GitHub-flavoured Markdown pieces for the step summary: tables whose cells cannot break the table.</summary>
internal static class Markdown
{
    public static string Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", headers.Select(Cell)).Append(" |\n");
        text.Append('|').AppendJoin('|', headers.Select(_ => " --- ")).Append("|\n");
        foreach (var row in rows)
        {
            text.Append("| ").AppendJoin(" | ", row.Select(Cell)).Append(" |\n");
        }

        return text.ToString();
    }

    /// <summary>Inline code that survives backticks in the text.</summary>
    public static string Code(string text) => text.Contains('`', StringComparison.Ordinal) ? "`` " + text + " ``" : "`" + text + "`";

    /// <summary>A block of text shown as written.</summary>
    public static string Fenced(string text, string language = "") => "```" + language + "\n" + text.Replace("```", "`\u200b``", StringComparison.Ordinal) + "\n```\n";

    private static string Cell(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("\r", "", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal);
}
