namespace Strata.Core.Generators;

/// <summary>
/// A NOT NULL or CHECK constraint a type carries as a domain, declared by the domain itself or by a domain it is
/// based on. PostgreSQL checks it against every existing row when a column of the type is added.
/// </summary>
/// <param name="Domain">The type, as <c>format_type</c> prints it.</param>
/// <param name="Declarer">The domain that declares the constraint: <paramref name="Domain"/> or one it is based on.</param>
/// <param name="NotNull">Whether the constraint is NOT NULL; otherwise a CHECK.</param>
/// <param name="HasDefault">Whether <paramref name="Domain"/> gives a column a default.</param>
/// <param name="BaseType">The type under every domain of the chain, with its modifiers: what a column can be instead.</param>
internal sealed record DomainConstraint(string Domain, string Declarer, bool NotNull, bool HasDefault, string BaseType)
{
    /// <summary>
    /// Whether a new column of the domain fails on the first existing row (and an INSERT that leaves it out fails):
    /// NOT NULL with no default. Otherwise PostgreSQL rewrites the table to check every row.
    /// </summary>
    public bool RejectsNull => NotNull && !HasDefault;
}
