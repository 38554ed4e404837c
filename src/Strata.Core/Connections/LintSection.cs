namespace Strata.Core.Connections;

/// <summary>The <c>lint</c> section of <c>strata.json</c>, as text for the settings builder to parse and layer.</summary>
/// <param name="OnUp">What <c>up</c> does with its pre-flight lint (<c>warn</c>, <c>fail</c>, <c>off</c>), or null.</param>
/// <param name="LargeTableRows">The row count from which a table is not tiny, as written, or null.</param>
/// <param name="Rules">Severity per rule id (<c>off</c>, <c>info</c>, <c>warning</c>, <c>error</c>), in file order.</param>
internal sealed record LintSection(string? OnUp, string? LargeTableRows, IReadOnlyList<KeyValuePair<string, string>> Rules)
{
    public static LintSection Empty { get; } = new(null, null, []);
}
