using Strata.Lint.Parsing;

namespace Strata.Lint.Engine;

/// <summary>
/// A domain an earlier statement of the run created, with what it brings to a column of its type: a default, and
/// constraints PostgreSQL checks against the value every existing row gets when such a column is added.
/// </summary>
/// <param name="Name">The domain's name.</param>
/// <param name="Default">Its default (its own, or else its base domain's), or null when it has none.</param>
/// <param name="NotNull">True when it, or a domain it is based on, is NOT NULL.</param>
/// <param name="HasCheck">True when it, or a domain it is based on, has a CHECK constraint.</param>
internal sealed record KnownDomain(string Name, ConstraintNode? Default, bool NotNull, bool HasCheck)
{
    /// <summary>True when adding a column of this domain checks a value for every existing row.</summary>
    public bool HasConstraints => NotNull || HasCheck;

    /// <summary>What <paramref name="domain"/> defines, on top of its base domain when it is based on one.</summary>
    public static KnownDomain From(CreateDomainNode domain, KnownDomain? baseDomain) => new(
        domain.Name,
        domain.Constraints.FirstOrDefault(c => c.Kind == "DEFAULT") ?? baseDomain?.Default,
        domain.Constraints.Any(c => c.Kind == "NOTNULL") || baseDomain?.NotNull == true,
        domain.Constraints.Any(c => c.Kind == "CHECK") || baseDomain?.HasCheck == true);
}
