using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Strata.Core.Data;
using Strata.Core.Errors;
using Strata.Core.Sql;

namespace Strata.Core.Configuration;

/// <summary>The schema and name of the history table. Names are used exactly as given (case-sensitive, quoted in SQL).</summary>
/// <param name="Schema">The schema holding the table; created on first use when missing.</param>
/// <param name="Name">The table's name.</param>
public sealed partial record HistoryTableName(string Schema, string Name)
{

    /// <summary>The default: <c>public.strata_schema_migrations</c>.</summary>
    public static HistoryTableName Default { get; } = new("public", "strata_schema_migrations");

    /// <summary>
    /// Parses <c>table</c> or <c>schema.table</c> as written in strata.json, a variable or a flag (one rule for all):
    /// each part starts with a letter or <c>_</c> and holds letters, digits, <c>_</c> and <c>$</c>, at most 63 of them;
    /// a bare table name lives in <c>public</c>. Throws <see cref="ConfigurationException"/> for anything else.
    /// </summary>
    public static HistoryTableName Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var name, out var problem)
            ? name
            : throw new ConfigurationException($"The history table {problem}.");
    }

    /// <summary>Parses like <see cref="Parse"/>; on failure <paramref name="problem"/> says what is wrong.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out HistoryTableName? name, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        name = null;
        problem = string.Empty;
        if (!QualifiedName().IsMatch(text))
        {
            problem = AnyLengthName().IsMatch(text)
                ? $"has a part longer than 63 characters, which PostgreSQL would cut short (got '{Shorten(text)}')"
                : $"must be a table name or schema.table of letters, digits, '_' and '$' (got '{Shorten(text)}')";
            return false;
        }

        var parts = text.Split('.');
        name = parts.Length == 1 ? new HistoryTableName(Default.Schema, parts[0]) : new HistoryTableName(parts[0], parts[1]);
        return true;
    }

    /// <summary>The schema-qualified, quoted name for use in SQL.</summary>
    public string Quoted => SqlText.Identifier(Schema) + "." + SqlText.Identifier(Name);

    /// <summary>The name of the table beside it, in the same schema, where batched backfills record their progress.</summary>
    internal string BackfillName => Name + "_backfill";

    /// <summary>Throws <see cref="ConfigurationException"/> when a part is empty or longer than PostgreSQL allows.</summary>
    public void Validate()
    {
        Check(Schema, "schema");
        Check(Name, "table name");
    }

    /// <inheritdoc />
    public override string ToString() => Schema + "." + Name;

    private static void Check(string? part, string what)
    {
        if (string.IsNullOrWhiteSpace(part) || part.Contains('\0', StringComparison.Ordinal))
        {
            throw new ConfigurationException($"The history table's {what} is empty: give a non-empty identifier.");
        }

        // PostgreSQL silently truncates longer identifiers, which would make two configured names collide.
        if (!PostgresIdentifier.Fits(part))
        {
            throw new ConfigurationException($"The history table's {what} '{part}' is longer than {PostgresIdentifier.MaxBytes} bytes: choose a shorter name.");
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_$]{0,62}(\.[A-Za-z_][A-Za-z0-9_$]{0,62})?$", RegexOptions.CultureInvariant)]
    private static partial Regex QualifiedName();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex AnyLengthName();
}
