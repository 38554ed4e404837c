using Strata.Core.Errors;
using Strata.Core.Sql;

namespace Strata.Core.Migrations;

/// <summary>
/// Parses one migration file in the dbmate format: a <c>-- migrate:up</c> section and an optional
/// <c>-- migrate:down</c> section, each split into statements. A pure function of the file's name and content.
/// Splitting can be left to the first use of a section's statements (<c>splitStatements: false</c>): everything else
/// about the file is still checked here.
/// </summary>
internal static class MigrationParser
{
    /// <summary>Parses a migration file's raw bytes, which must be UTF-8 (a byte order mark is allowed).</summary>
    /// <param name="source">The file path or resource name; its last segment is the file name.</param>
    /// <param name="content">The file's bytes.</param>
    /// <param name="splitStatements">Split the sections into statements now; when false, on first use.</param>
    /// <exception cref="MigrationFileException">The file name or content breaks the format, or it is not UTF-8.</exception>
    /// <exception cref="SqlSyntaxException">A section's SQL cannot be split into statements.</exception>
    public static Migration Parse(string source, ReadOnlySpan<byte> content, bool splitStatements = true)
    {
        ArgumentNullException.ThrowIfNull(source);
        var (version, description) = MigrationFileName.Parse(MigrationFileName.SpanOf(source), source);
        var text = MigrationText.Decode(content, source);
        var migration = Parse(source, version, description, text, MigrationChecksum.Compute(MigrationText.WithoutByteOrderMark(content), text));
        if (splitStatements)
        {
            migration.SplitStatements();
        }

        return migration;
    }

    /// <summary>Parses a migration file's text.</summary>
    /// <param name="source">The file path or resource name; its last segment is the file name.</param>
    /// <param name="content">The file's text.</param>
    /// <exception cref="MigrationFileException">The file name or content breaks the format.</exception>
    /// <exception cref="SqlSyntaxException">A section's SQL cannot be split into statements.</exception>
    public static Migration Parse(string source, string content)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(content);
        var (version, description) = MigrationFileName.Parse(MigrationFileName.SpanOf(source), source);
        var text = MigrationText.WithoutByteOrderMark(content);
        var migration = Parse(source, version, description, text, MigrationChecksum.Compute(text));
        migration.SplitStatements();
        return migration;
    }

    private static Migration Parse(string source, MigrationVersion version, string description, string content, MigrationChecksum checksum)
    {
        RejectNul(content, source);
        var directives = MigrationDirectiveReader.Read(content, source);
        var (up, down) = Arrange(directives, source);
        RejectSqlBefore(up, content, source);

        var upEnd = down?.LineStart ?? content.Length;
        var upSection = Section(up, content, upEnd, source);
        var downSection = down is null ? null : Section(down, content, content.Length, source);
        return new Migration(version, description, source, upSection, downSection, checksum);
    }

    // One up directive, then at most one down directive.
    private static (MigrationDirective Up, MigrationDirective? Down) Arrange(List<MigrationDirective> directives, string source)
    {
        if (directives.Count == 0)
        {
            throw new MigrationFileException(
                $"{source}: no '-- migrate:up' line; a migration starts its SQL with a '-- migrate:up' line (and may end with a '-- migrate:down' section).",
                source);
        }

        var first = directives[0];
        if (!first.IsUp)
        {
            var up = directives.Find(d => d.IsUp);
            throw Error(source, first.Line, up is null
                ? "'-- migrate:down' without a '-- migrate:up' section; add the up section above it"
                : $"'-- migrate:down' comes before '-- migrate:up' (line {up.Line}); put the up section first");
        }

        for (var i = 1; i < directives.Count; i++)
        {
            var earlier = directives.Take(i).FirstOrDefault(d => d.IsUp == directives[i].IsUp);
            if (earlier is not null)
            {
                throw Error(source, directives[i].Line, $"a second {directives[i].Name} line (the first is on line {earlier.Line}); a migration has one up section and at most one down section");
            }
        }

        return (first, directives.Count > 1 ? directives[1] : null);
    }

    // Only comments and blank lines may come before the up section, as in dbmate.
    private static void RejectSqlBefore(MigrationDirective up, string content, string source)
    {
        if (content.AsSpan(0, up.LineStart).IsWhiteSpace())
        {
            return;
        }

        var preamble = SqlSplitter.Split(content[..up.LineStart], new SqlSplitOptions { FileName = source });
        if (preamble.Statements.Count > 0)
        {
            throw Error(source, preamble.Statements[0].Line, $"SQL before the '-- migrate:up' line (line {up.Line}); move it into the up section, or make it a comment");
        }
    }

    // A section with no statements (only blanks and comments) is kept empty: an empty up section is a recorded no-op,
    // as in dbmate; an empty down section is refused when the migration is rolled back.
    private static MigrationSection Section(MigrationDirective directive, string content, int end, string source) =>
        new(content, Math.Min(directive.SectionStart, end)..end, directive.Options, directive.Line, source);

    // PostgreSQL cannot take a NUL character in a query string: the server would drop the connection mid-run.
    private static void RejectNul(string content, string source)
    {
        var at = content.IndexOf('\0', StringComparison.Ordinal);
        if (at < 0)
        {
            return;
        }

        var (line, column) = (1, 1);
        for (var i = 0; i < at; i++)
        {
            if (content[i] == '\n' || (content[i] == '\r' && (i + 1 >= content.Length || content[i + 1] != '\n')))
            {
                (line, column) = (line + 1, 1);
            }
            else if (content[i] != '\r')
            {
                column++;
            }
        }

        throw new MigrationFileException(
            $"{source}:{line}:{column}: the file contains a NUL character (byte 0x00), which PostgreSQL does not accept in SQL; remove it (the file may not be text, or was saved in the wrong encoding).",
            source,
            line);
    }

    private static MigrationFileException Error(string source, int line, string message) =>
        new($"{source}:{line}: {message}.", source, line);
}
