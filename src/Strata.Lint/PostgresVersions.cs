namespace Strata.Lint;

/// <summary>The PostgreSQL major versions a rule applies to.</summary>
/// <param name="From">The first major version, inclusive.</param>
/// <param name="Through">The last major version, inclusive; null for every later one.</param>
public sealed record PostgresVersions(int From, int? Through = null)
{
    /// <summary>Every version.</summary>
    public static PostgresVersions All { get; } = new(0);

    /// <summary>True when <paramref name="major"/> is in the range.</summary>
    public bool Contains(int major) => major >= From && (Through is null || major <= Through);

    /// <summary>The range as the rule pages write it: "all", "11+", "up to 10", "11-13".</summary>
    public override string ToString() => (From, Through) switch
    {
        (0, null) => "all",
        (_, null) => $"{From}+",
        (0, _) => $"up to {Through}",
        _ => $"{From}-{Through}",
    };
}
