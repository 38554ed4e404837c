using Strata.Lint.Parsing;

namespace Strata.Lint.Engine;

/// <summary>
/// The CHECK constraints earlier statements of the run added, each by its table (schema and name, an unqualified
/// name taken to be in <c>public</c>) and name, whether it is validated yet, until a statement drops it (or its table).
/// </summary>
internal sealed class KnownChecks
{
    private readonly Dictionary<(RelationName Table, string Name), (ExpressionSummary Expression, bool Validated)> _checks = [];
    private int _unnamed;

    public void Added(RelationName table, ConstraintNode check)
    {
        // PostgreSQL names an unnamed check itself; that name is not known here, so no DROP CONSTRAINT matches it.
        var name = check.Name ?? $"\u0000{_unnamed++}";
        _checks[(table.Qualified, name)] = (check.Expression, !check.NotValid);
    }

    public void Validated(RelationName table, string name)
    {
        if (_checks.TryGetValue((table.Qualified, name), out var check))
        {
            _checks[(table.Qualified, name)] = check with { Validated = true };
        }
    }

    public void Dropped(RelationName table, string name) => _checks.Remove((table.Qualified, name));

    public void TableDropped(RelationName table)
    {
        foreach (var key in _checks.Keys.Where(k => k.Table == table.Qualified).ToList())
        {
            _checks.Remove(key);
        }
    }

    /// <summary>The expressions of the validated checks on <paramref name="table"/> that are still in place.</summary>
    public IEnumerable<ExpressionSummary> ValidatedOn(RelationName table) =>
        _checks.Where(c => c.Key.Table == table.Qualified && c.Value.Validated).Select(c => c.Value.Expression);
}
