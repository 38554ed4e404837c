using System.Globalization;
using System.Text;

namespace Strata.Core.Schema;

/// <summary>One object that differs between two schemas, and for a changed object each attribute that differs.</summary>
/// <param name="Kind">The object's kind, such as <c>index</c>.</param>
/// <param name="Name">The object's qualified name.</param>
/// <param name="Change">Whether it was added, removed or changed from the first schema to the second.</param>
/// <param name="Attributes">The differing attributes of a changed object; empty for an added or removed one.</param>
internal sealed record SchemaDifference(string Kind, string Name, SchemaChange Change, IReadOnlyList<AttributeDifference> Attributes)
{
    /// <summary>The kind and name, as shown to people: <c>index public.orders_total_idx</c>.</summary>
    public string DisplayName => $"{Kind} {Name}";

    /// <summary>
    /// One line per difference, such as <c>changed column public.t.a: default 1 → 2</c>. Every control character in
    /// a name or value, line breaks among them, is written as an escape (<c>\u000a</c>, <c>\u001b</c>), so that a name
    /// or comment never splits the line or reaches a terminal as a control sequence, and two values that differ only
    /// in their line endings never print alike.
    /// </summary>
    public override string ToString() => Change switch
    {
        SchemaChange.Changed => $"changed {Visible(DisplayName)}: " + string.Join("; ", Attributes.Select(a => $"{a.Name} {Show(a.Before)} → {Show(a.After)}")),
        SchemaChange.Added => $"added {Visible(DisplayName)}",
        _ => $"removed {Visible(DisplayName)}",
    };

    private static string Show(string? value) => value is null ? "(none)" : Visible(value);

    private static string Visible(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
