using System.Text;
using Strata.Core.Errors;
using Strata.Core.Sql;

namespace Strata.Core.Generators;

/// <summary>
/// Reads the dotted names <c>strata new</c> operations take (<c>TABLE.COLUMN</c>, <c>SCHEMA.TABLE</c>, ...) as SQL
/// does: an unquoted part is folded to lower case, a double-quoted part is kept as written.
/// </summary>
internal static class IdentifierPath
{
    private const string DefaultSchema = "public";

    /// <summary><c>[SCHEMA.]TABLE</c>.</summary>
    public static TableName Table(string text, string option)
    {
        var parts = Split(text, option);
        return parts.Count switch
        {
            1 => new TableName(DefaultSchema, parts[0]),
            2 => new TableName(parts[0], parts[1]),
            _ => throw Malformed(text, option, "TABLE or SCHEMA.TABLE"),
        };
    }

    /// <summary><c>[SCHEMA.]TABLE.COLUMN</c>.</summary>
    public static ColumnName Column(string text, string option)
    {
        var parts = Split(text, option);
        return parts.Count switch
        {
            2 => new ColumnName(new TableName(DefaultSchema, parts[0]), parts[1]),
            3 => new ColumnName(new TableName(parts[0], parts[1]), parts[2]),
            _ => throw Malformed(text, option, "TABLE.COLUMN or SCHEMA.TABLE.COLUMN"),
        };
    }

    /// <summary><c>[SCHEMA.]TABLE.COLUMN[,COLUMN...]</c>: the table and its columns, in order, each once.</summary>
    public static (TableName Table, IReadOnlyList<string> Columns) Columns(string text, string option)
    {
        var pieces = SplitOutsideQuotes(text, ',');
        var first = Column(pieces[0], option);
        var columns = new List<string> { first.Name };
        foreach (var piece in pieces.Skip(1))
        {
            var parts = Split(piece, option);
            if (parts.Count != 1)
            {
                throw Malformed(text, option, "TABLE.COLUMN,COLUMN,... (the columns after the first without the table)");
            }

            if (columns.Contains(parts[0]))
            {
                throw new GeneratorArgumentException($"{option} {text}: column {SqlIdentifier.Quote(parts[0])} is listed twice");
            }

            columns.Add(parts[0]);
        }

        return (first.Table, columns);
    }

    /// <summary><c>REFTABLE</c>, <c>REFTABLE.REFCOLUMN</c> or <c>SCHEMA.REFTABLE.REFCOLUMN</c>: the column is null when not given.</summary>
    public static (TableName Table, string? Column) Reference(string text, string option)
    {
        var parts = Split(text, option);
        return parts.Count switch
        {
            1 => (new TableName(DefaultSchema, parts[0]), null),
            2 => (new TableName(DefaultSchema, parts[0]), parts[1]),
            3 => (new TableName(parts[0], parts[1]), parts[2]),
            _ => throw Malformed(text, option, "REFTABLE, REFTABLE.REFCOLUMN or SCHEMA.REFTABLE.REFCOLUMN"),
        };
    }

    /// <summary>One name without a dot, such as the new name of a column or table.</summary>
    public static string Single(string text, string option, string what)
    {
        var parts = Split(text, option);
        return parts.Count == 1 ? parts[0] : throw Malformed(text, option, what);
    }

    private static List<string> Split(string text, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<string>();
        foreach (var piece in SplitOutsideQuotes(text, '.'))
        {
            parts.Add(Identifier(piece, text, option));
        }

        return parts;
    }

    private static string Identifier(string piece, string whole, string option)
    {
        string name;
        if (piece.Length >= 2 && piece[0] == '"' && piece[^1] == '"')
        {
            var inner = piece[1..^1];
            if (inner.Replace("\"\"", "", StringComparison.Ordinal).Contains('"', StringComparison.Ordinal))
            {
                throw Bad(whole, option, $"{piece} is not a valid quoted name (a quote inside is written twice)");
            }

            name = inner.Replace("\"\"", "\"", StringComparison.Ordinal);
        }
        else if (piece.Length > 0 && (char.IsLetter(piece[0]) || piece[0] == '_')
                 && piece.All(c => char.IsLetterOrDigit(c) || c == '_' || c == '$'))
        {
            // PostgreSQL folds only ASCII letters of an unquoted name.
            name = string.Concat(piece.Select(c => char.IsAsciiLetterUpper(c) ? char.ToLowerInvariant(c) : c));
        }
        else
        {
            throw Bad(whole, option, piece.Length == 0
                ? "a name is empty"
                : $"'{piece}' is not a name: write letters, digits and underscores, or put it in double quotes");
        }

        if (name.Length == 0)
        {
            throw Bad(whole, option, "a name is empty");
        }

        if (SqlIdentifier.ByteCount(name) > PostgresIdentifier.MaxBytes)
        {
            throw Bad(whole, option, $"'{name}' is longer than PostgreSQL's {PostgresIdentifier.MaxBytes}-byte limit for names");
        }

        return name;
    }

    // Dots and commas inside double quotes belong to the name.
    private static List<string> SplitOutsideQuotes(string text, char separator)
    {
        var pieces = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }

            if (c == separator && !quoted)
            {
                pieces.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        pieces.Add(current.ToString());
        return pieces;
    }

    private static GeneratorArgumentException Malformed(string text, string option, string expected) =>
        new($"{option} '{text}' is not {expected}");

    private static GeneratorArgumentException Bad(string text, string option, string problem) =>
        new($"{option} '{text}': {problem}");
}
