namespace Strata.Core.Sql;

/// <summary>A SQL script split into statements by <see cref="SqlSplitter.Split"/>.</summary>
internal sealed class SqlScript
{
    private IReadOnlyList<SqlSegment>? _segments;

    internal SqlScript(string text, IReadOnlyList<SqlStatement> statements)
    {
        Text = text;
        Statements = statements;
    }

    /// <summary>The text that was split.</summary>
    public string Text { get; }

    /// <summary>The statements, in order; empty statements (a lone <c>;</c>) are not among them.</summary>
    public IReadOnlyList<SqlStatement> Statements { get; }

    /// <summary>
    /// The whole text as alternating trivia and statement segments, in order, built on first use: concatenating
    /// them reproduces <see cref="Text"/> exactly. Trivia segments are never empty.
    /// </summary>
    public IReadOnlyList<SqlSegment> Segments => _segments ??= BuildSegments();

    private List<SqlSegment> BuildSegments()
    {
        var segments = new List<SqlSegment>(Statements.Count * 2 + 1);
        var position = 0;
        foreach (var statement in Statements)
        {
            AddTrivia(segments, position, statement.Offset);
            segments.Add(new SqlSegment(SqlSegmentKind.Statement, statement.Text, statement.Offset));
            position = statement.Offset + statement.Text.Length;
        }

        AddTrivia(segments, position, Text.Length);
        return segments;
    }

    private void AddTrivia(List<SqlSegment> segments, int start, int end)
    {
        if (end > start)
        {
            segments.Add(new SqlSegment(SqlSegmentKind.Trivia, Text[start..end], start));
        }
    }
}
