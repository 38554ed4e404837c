using Strata.Core.Errors;

namespace Strata.Core.Migrations;

/// <summary>
/// Finds the directive lines of a migration file. Like dbmate, it looks at lines, not at SQL: a line whose first
/// non-blank characters are <c>--</c>, optional blanks and <c>migrate:</c> is a directive wherever it is. Any such
/// line that is not exactly <c>migrate:up</c> or <c>migrate:down</c> is an error, so a typo is never read as a comment.
/// </summary>
internal static class MigrationDirectiveReader
{
    private const string Prefix = "migrate:";

    public static List<MigrationDirective> Read(string content, string source)
    {
        var directives = new List<MigrationDirective>(2);
        var line = 1;
        var start = 0;
        while (start < content.Length)
        {
            var breakAt = content.AsSpan(start).IndexOfAny('\r', '\n');
            var end = breakAt < 0 ? content.Length : start + breakAt;
            var next = end < content.Length && content[end] == '\r' && end + 1 < content.Length && content[end + 1] == '\n' ? end + 2 : Math.Min(end + 1, content.Length);
            var directive = TryRead(content.AsSpan(start, end - start), source, line, start, next);
            if (directive is not null)
            {
                directives.Add(directive);
            }

            (start, line) = (next, line + 1);
        }

        return directives;
    }

    private static MigrationDirective? TryRead(ReadOnlySpan<char> text, string source, int line, int lineStart, int sectionStart)
    {
        var rest = text.TrimStart(" \t");
        if (!rest.StartsWith("--", StringComparison.Ordinal))
        {
            return null;
        }

        rest = rest[2..].TrimStart(" \t");
        if (!rest.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var verbLength = rest.IndexOfAny(' ', '\t');
        var word = verbLength < 0 ? rest : rest[..verbLength];
        var isUp = word.SequenceEqual("migrate:up");
        if (!isUp && !word.SequenceEqual("migrate:down"))
        {
            throw UnknownDirective(word, source, line);
        }

        var verb = isUp ? "up" : "down";
        var options = MigrationOptionsParser.Parse(rest[word.Length..], source, line, verb);
        return new MigrationDirective(isUp, line, lineStart, sectionStart, options);
    }

    private static MigrationFileException UnknownDirective(ReadOnlySpan<char> word, string source, int line)
    {
        var shown = word.Length > 40 ? $"{word[..40]}..." : word.ToString();
        return new MigrationFileException(
            $"{source}:{line}: unknown directive '-- {shown}': directives are '-- migrate:up' and '-- migrate:down', in lowercase; fix the typo, or reword the comment so it does not start with 'migrate:'.",
            source,
            line);
    }
}
