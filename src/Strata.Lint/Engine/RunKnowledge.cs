using Strata.Lint.Parsing;

namespace Strata.Lint.Engine;

/// <summary>
/// Facts that later migrations of the same run may rely on: CHECK constraints that are validated (added without
/// NOT VALID, or validated later, and not dropped since), so a later <c>SET NOT NULL</c> or <c>ATTACH PARTITION</c> can skip its scan; the
/// types columns were given; the domains created.
/// </summary>
internal sealed class RunKnowledge
{
    private readonly KnownChecks _checks = new();
    private readonly Dictionary<string, TypeReference> _columnTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KnownDomain> _domains = new(StringComparer.Ordinal);

    /// <summary>
    /// The domain <paramref name="type"/> names when an earlier statement of the run created it, or null: for any
    /// other type, an array of a domain, and a domain created before the run (only dynamic lint sees those).
    /// </summary>
    public KnownDomain? Domain(TypeReference? type) =>
        type is { IsBuiltIn: false, IsArray: false } ? _domains.GetValueOrDefault(type.Name) : null;

    public void DomainCreated(CreateDomainNode domain) => _domains[domain.Name] = KnownDomain.From(domain, Domain(domain.BaseType));

    public void DomainDropped(RelationName domain) => _domains.Remove(domain.Name);

    /// <summary>The column's type as an earlier statement of the run defined it, or null when none did.</summary>
    public TypeReference? ColumnType(RelationName table, string column) => _columnTypes.GetValueOrDefault(Key(table, column));

    public void ColumnDefined(RelationName table, string column, TypeReference? type)
    {
        if (type is not null)
        {
            _columnTypes[Key(table, column)] = type;
        }
    }

    /// <summary>A column or constraint of a table, the table named with its schema (<see cref="RelationName.Qualified"/>).</summary>
    public static string Key(RelationName table, string name) => $"{table.Qualified.Schema}\u0000{table.Qualified.Name}\u0000{name}";

    public bool HasValidatedNotNullCheck(RelationName table, string column) =>
        _checks.ValidatedOn(table).Any(check => check.NotNullColumns.Contains(column));

    public bool HasValidatedCheck(RelationName table) => _checks.ValidatedOn(table).Any();

    public void ConstraintAdded(RelationName table, ConstraintNode constraint)
    {
        if (constraint.Kind == "CHECK")
        {
            _checks.Added(table, constraint);
        }
    }

    public void ConstraintValidated(RelationName table, string name) => _checks.Validated(table, name);

    public void ConstraintDropped(RelationName table, string name) => _checks.Dropped(table, name);

    public void TableDropped(RelationName table) => _checks.TableDropped(table);
}
