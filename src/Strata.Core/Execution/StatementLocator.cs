using Strata.Core.Sql;

namespace Strata.Core.Execution;

/// <summary>
/// Turns a server error position (PostgreSQL's 1-based character offset within the statement that was sent) into a
/// line and column of the migration file, using the statement's own position in the file.
/// </summary>
internal static class StatementLocator
{
    public static (int Line, int Column) Locate(SqlStatement statement, int position)
    {
        var text = statement.Text;
        var start = FirstSignificant(text);
        var target = position > 0 ? IndexOfCharacter(text, position - 1) : -1;
        if (target < start)
        {
            return (statement.Line, statement.Column);
        }

        var (line, column) = (statement.Line, statement.Column);
        for (var i = start; i < target; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            (line, column) = text[i] == '\n' ? (line + 1, 1) : (line, column + 1);
        }

        return (line, column);
    }

    // The server counts characters (code points); .NET strings count UTF-16 units.
    private static int IndexOfCharacter(string text, int characterIndex)
    {
        var index = 0;
        for (var n = 0; n < characterIndex && index < text.Length; n++)
        {
            index += char.IsSurrogatePair(text, index) ? 2 : 1;
        }

        return Math.Min(index, text.Length);
    }

    // The statement's Line and Column point at its first significant character; its text may begin with comments.
    private static int FirstSignificant(string text)
    {
        var index = SqlTokenReader.SkipTrivia(text, 0);
        return index < text.Length ? index : 0;
    }
}
