using System.Collections.ObjectModel;
using System.Globalization;
using Strata.Core.Errors;
using Strata.Core.Sql;

namespace Strata.Core.Migrations;

/// <summary>
/// Finds the <c>-- strata:batch</c> lines of a section and checks them when the file is read: only in a
/// <c>transaction:false</c> section, each right before a plain <c>UPDATE</c> or <c>DELETE</c>, with a size of at least
/// 1 and a pause of at least 0 milliseconds. Like the <c>migrate:</c> directives it looks at lines. Other
/// <c>strata:</c> comments (<c>strata:lint-ignore</c>) belong to their own readers; a near miss such as
/// <c>strata:batches</c> is an error rather than a comment.
/// </summary>
internal static class BatchDirectiveReader
{
    private const string Prefix = "strata:";
    private const string Syntax = "write '-- strata:batch size=N' or '-- strata:batch size=N pause=MS'";

    /// <summary>The section's batch directives keyed by the index of the statement each marks.</summary>
    /// <param name="sql">The section's SQL.</param>
    /// <param name="firstLine">The file line <paramref name="sql"/> starts on.</param>
    /// <param name="statements">The section's statements.</param>
    /// <param name="options">The section's options.</param>
    /// <param name="source">The file, for messages.</param>
    public static IReadOnlyDictionary<int, BatchDirective> Read(
        string sql, int firstLine, IReadOnlyList<SqlStatement> statements, MigrationOptions options, string source)
    {
        // Nearly every section has no such line: without "strata:" anywhere in it, none of its lines can be one.
        if (!sql.Contains(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return ReadOnlyDictionary<int, BatchDirective>.Empty;
        }

        var found = new Dictionary<int, BatchDirective>();
        var line = firstLine;
        foreach (var text in sql.Split('\n'))
        {
            if (Arguments(text, source, line) is { } arguments)
            {
                var (size, pause) = Parse(arguments, source, line);
                if (options.Transaction)
                {
                    throw Error(source, line, "'-- strata:batch' needs a section marked transaction:false, as each batch commits on its own; add transaction:false to the section's '-- migrate:' line");
                }

                var index = StatementAfter(statements, line, source);
                var statement = BatchableStatement.Read(statements[index].Text, out var problem)
                    ?? throw Error(source, line, $"'-- strata:batch': {problem}");
                if (!found.TryAdd(index, new BatchDirective(size, pause, line, statement)))
                {
                    throw Error(source, line, "a second '-- strata:batch' line for the same statement; keep one");
                }
            }

            line++;
        }

        return found;
    }

    // The text after "strata:batch" on a comment line, or null when the line is not a batch directive.
    private static string? Arguments(string text, string source, int line)
    {
        var rest = text.AsSpan().TrimStart(" \t");
        if (!rest.StartsWith("--", StringComparison.Ordinal))
        {
            return null;
        }

        rest = rest[2..].TrimStart(" \t");
        if (!rest.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var end = rest.IndexOfAny(' ', '\t');
        var word = (end < 0 ? rest : rest[..end]).TrimEnd('\r');
        if (!word.StartsWith("strata:bat", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!word.SequenceEqual("strata:batch"))
        {
            throw Error(source, line, $"unknown directive '-- {word}': did you mean '-- strata:batch'? {Syntax}");
        }

        return rest[word.Length..].TrimEnd("\r").ToString();
    }

    private static (int Size, TimeSpan Pause) Parse(string arguments, string source, int line)
    {
        int? size = null;
        int? pause = null;
        foreach (var option in arguments.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = option.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? option : option[..equals];
            var value = equals < 0 ? string.Empty : option[(equals + 1)..];
            if (key is not ("size" or "pause") || equals < 0)
            {
                throw Error(source, line, $"'{option}' is not an option of '-- strata:batch'; {Syntax}");
            }

            if ((key == "size" ? size : pause) is not null)
            {
                throw Error(source, line, $"{key} appears twice on the '-- strata:batch' line; keep one");
            }

            var minimum = key == "size" ? 1 : 0;
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < minimum)
            {
                throw Error(source, line, key == "size"
                    ? $"size={value} is not valid: the batch size is a whole number of keys, at least 1"
                    : $"pause={value} is not valid: the pause is a whole number of milliseconds, 0 or more");
            }

            if (key == "size")
            {
                size = number;
            }
            else
            {
                pause = number;
            }
        }

        return size is { } n
            ? (n, TimeSpan.FromMilliseconds(pause ?? 0))
            : throw Error(source, line, $"'-- strata:batch' needs a size; {Syntax}");
    }

    // The directive marks the next statement; it may not sit inside one.
    private static int StatementAfter(IReadOnlyList<SqlStatement> statements, int line, string source)
    {
        for (var i = 0; i < statements.Count; i++)
        {
            if (statements[i].Line > line)
            {
                return i;
            }

            var lastLine = statements[i].Line + statements[i].Text.Count(c => c == '\n');
            if (lastLine >= line)
            {
                break;
            }
        }

        throw Error(source, line, "'-- strata:batch' must be placed on the line before the UPDATE or DELETE it batches");
    }

    private static MigrationFileException Error(string source, int line, string message) =>
        new($"{source}:{line}: {message}.", source, line);
}
