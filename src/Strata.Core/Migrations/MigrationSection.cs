using Strata.Core.Sql;

namespace Strata.Core.Migrations;

/// <summary>
/// The up or down part of a migration file. Its statements are split from <see cref="Sql"/> the first time they are
/// asked for, so a run that only checks which files are applied never splits them (see docs/performance.md).
/// </summary>
internal sealed class MigrationSection
{
    private readonly string _source;
    private readonly string _file;
    private readonly Range _range;
    private string? _sql;
    private Parts? _parts;

    /// <summary>The part <paramref name="range"/> of file <paramref name="source"/>, whose text is <paramref name="file"/>.</summary>
    /// <param name="file">The whole file's text; the section's SQL is cut from it on first use.</param>
    /// <param name="range">Where the section's SQL is in <paramref name="file"/> (the directive line excluded).</param>
    /// <param name="options">The options on the section's directive line.</param>
    /// <param name="directiveLine">The 1-based line of the section's directive in the file.</param>
    /// <param name="source">The file, named in the errors splitting reports.</param>
    public MigrationSection(string file, Range range, MigrationOptions options, int directiveLine, string source)
    {
        _file = file;
        _range = range;
        Options = options;
        DirectiveLine = directiveLine;
        _source = source;
    }

    /// <summary>The section's SQL as written (the directive line excluded).</summary>
    public string Sql => _sql ??= _file[_range];

    /// <summary>The options on the section's directive line.</summary>
    public MigrationOptions Options { get; }

    /// <summary>The 1-based line of the section's directive in the file.</summary>
    public int DirectiveLine { get; }

    /// <summary>The section's statements, with line and column relative to the whole file.</summary>
    /// <exception cref="Strata.Core.Errors.SqlSyntaxException">The SQL cannot be split into statements.</exception>
    /// <exception cref="Strata.Core.Errors.MigrationFileException">A <c>-- strata:batch</c> line is malformed or misplaced.</exception>
    public IReadOnlyList<SqlStatement> Statements => Split().Statements;

    /// <summary>The statements marked <c>-- strata:batch</c>, keyed by their index in <see cref="Statements"/>.</summary>
    public IReadOnlyDictionary<int, BatchDirective> Batches => Split().Batches;

    /// <summary>True when the section has no statement (only blank lines and comments).</summary>
    public bool IsEmpty => Statements.Count == 0;

    /// <summary>Splits the statements now, if not done yet, throwing what <see cref="Statements"/> would.</summary>
    public void SplitStatements() => Split();

    // Two threads asking at once both split, and one result is kept: splitting is a pure function of the text. A
    // failure is not kept, so every caller gets the same error.
    private Parts Split()
    {
        if (_parts is { } parts)
        {
            return parts;
        }

        var statements = SqlSplitter.Split(Sql, new SqlSplitOptions { FileName = _source, FirstLine = DirectiveLine + 1 }).Statements;
        var batches = BatchDirectiveReader.Read(Sql, DirectiveLine + 1, statements, Options, _source);
        return _parts = new Parts(statements, batches);
    }

    private sealed record Parts(IReadOnlyList<SqlStatement> Statements, IReadOnlyDictionary<int, BatchDirective> Batches);
}
