using System.Text.RegularExpressions;

namespace Strata.Core.Schema;

/// <summary>
/// Selects objects by a glob (<c>*</c> any text, <c>?</c> one character) over the qualified name
/// (<c>public.legacy_*</c>) or over the kind and name (<c>extension *</c>, <c>index audit.*</c>).
/// </summary>
internal sealed class SchemaPattern
{
    private readonly Regex _regex;

    /// <summary>Creates a pattern from its text.</summary>
    public SchemaPattern(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        Text = pattern.Trim();
        var body = Regex.Escape(Text).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal);
        _regex = new Regex($"^{body}$", RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
    }

    /// <summary>The pattern as given.</summary>
    public string Text { get; }

    /// <summary>True when the pattern matches the object's name or its kind and name.</summary>
    public bool Matches(SchemaObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return _regex.IsMatch(item.Name) || _regex.IsMatch(item.DisplayName);
    }
}
