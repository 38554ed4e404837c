using Strata.Core.Errors;

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
    /// One line per difference, such as <c>changed column public.t.a: default 1 → 2</c>. A value's line breaks read as
    /// spaces (a function body stays one readable line), unless that would make the two values print alike: then
    /// they are written as escapes (<c>\u000a</c>, <c>\u000d</c>), as any other control character in a name or value
    /// always is (<c>\u001b</c>), so that nothing splits the line or reaches a terminal as a control sequence.
    /// </summary>
    public override string ToString() => Change switch
    {
        SchemaChange.Changed => $"changed {VisibleText.Of(DisplayName)}: " + string.Join("; ", Attributes.Select(Show)),
        SchemaChange.Added => $"added {VisibleText.Of(DisplayName)}",
        _ => $"removed {VisibleText.Of(DisplayName)}",
    };

    private static string Show(AttributeDifference difference)
    {
        var (before, after) = (Spaced(difference.Before), Spaced(difference.After));
        if (before == after)
        {
            (before, after) = (Escaped(difference.Before), Escaped(difference.After));
        }

        return $"{difference.Name} {before} → {after}";
    }

    private static string Spaced(string? value) => value is null ? "(none)" : VisibleText.Of(value.ReplaceLineEndings(" "));

    private static string Escaped(string? value) => value is null ? "(none)" : VisibleText.Of(value);
}
