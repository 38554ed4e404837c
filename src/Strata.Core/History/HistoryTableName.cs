using System.Text;
using Strata.Core.Errors;

namespace Strata.Core.History;

/// <summary>The schema and name of the history table. Names are used exactly as given (case-sensitive, quoted in SQL).</summary>
/// <param name="Schema">The schema holding the table; created on first use when missing.</param>
/// <param name="Name">The table's name.</param>
public sealed record HistoryTableName(string Schema, string Name)
{
    private const int MaxIdentifierBytes = 63;

    /// <summary>The default: <c>public.strata_schema_migrations</c>.</summary>
    public static HistoryTableName Default { get; } = new("public", "strata_schema_migrations");

    /// <summary>
    /// Parses <c>table</c> or <c>schema.table</c> as written in strata.json or --history-table; a bare table name
    /// lives in <c>public</c>. Throws <see cref="ConfigurationException"/> for anything else.
    /// </summary>
    public static HistoryTableName Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('.');
        var name = parts.Length switch
        {
            1 => new HistoryTableName(Default.Schema, parts[0]),
            2 => new HistoryTableName(parts[0], parts[1]),
            _ => throw new ConfigurationException($"The history table '{text}' is not of the form table or schema.table."),
        };
        name.Validate();
        return name;
    }

    /// <summary>The schema-qualified, quoted name for use in SQL.</summary>
    public string Quoted => Quote(Schema) + "." + Quote(Name);

    /// <summary>Throws <see cref="ConfigurationException"/> when a part is empty or longer than PostgreSQL allows.</summary>
    public void Validate()
    {
        Check(Schema, "schema");
        Check(Name, "table name");
    }

    /// <summary>Quotes an identifier for SQL, doubling embedded quotes.</summary>
    internal static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <inheritdoc />
    public override string ToString() => Schema + "." + Name;

    private static void Check(string? part, string what)
    {
        if (string.IsNullOrWhiteSpace(part) || part.Contains('\0', StringComparison.Ordinal))
        {
            throw new ConfigurationException($"The history table's {what} is empty: give a non-empty identifier.");
        }

        // PostgreSQL silently truncates longer identifiers, which would make two configured names collide.
        if (Encoding.UTF8.GetByteCount(part) > MaxIdentifierBytes)
        {
            throw new ConfigurationException($"The history table's {what} '{part}' is longer than {MaxIdentifierBytes} bytes: choose a shorter name.");
        }
    }
}
