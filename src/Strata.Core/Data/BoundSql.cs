using System.Globalization;
using Npgsql;

namespace Strata.Core.Data;

/// <summary>
/// A SQL statement with positional parameters (<c>$1</c>, <c>$2</c>, ...) and their values. The runner sends it with
/// parameters; <c>up --sql</c> renders the same statement with literals, so the script and the run cannot drift apart.
/// </summary>
internal sealed record BoundSql(string Text, params object?[] Values)
{
    /// <summary>
    /// The statement updates or deletes a row that must exist (a history row a run wrote); changing none means another
    /// session changed the row meanwhile (<see cref="Db.ExecuteCheckedAsync"/>).
    /// </summary>
    public bool ChangesARow { get; init; }

    public NpgsqlBatchCommand ToBatchCommand()
    {
        var command = new NpgsqlBatchCommand(Text);
        foreach (var value in Values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }

    public NpgsqlCommand ToCommand(NpgsqlConnection connection)
    {
        var command = new NpgsqlCommand(Text, connection);
        foreach (var value in Values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }

    /// <summary>The statement with every placeholder replaced by a SQL literal of its value.</summary>
    public string ToLiteralSql()
    {
        var text = Text;
        // Highest index first, so that $1 does not match the start of $10.
        for (var i = Values.Length; i >= 1; i--)
        {
            text = text.Replace("$" + i.ToString(CultureInfo.InvariantCulture), Literal(Values[i - 1]), StringComparison.Ordinal);
        }

        return text;
    }

    private static string Literal(object? value) => value switch
    {
        null => "NULL",
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"No SQL literal form for {value.GetType().Name}.", nameof(value)),
    };
}
