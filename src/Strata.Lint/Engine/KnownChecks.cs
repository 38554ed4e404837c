using Strata.Lint.Parsing;

namespace Strata.Lint.Engine;

/// <summary>
/// The CHECK constraints earlier statements of the run added, each by its table and name, whether it is validated
/// yet, until a statement drops it (or its table).
/// </summary>
internal sealed class KnownChecks
{
    private readonly Dictionary<(string Table, string Name), (ExpressionSummary Expression, bool Validated)> _checks = [];
    private int _unnamed;

    public void Added(RelationName table, ConstraintNode check)
    {
        // PostgreSQL names an unnamed check itself; that name is not known here, so no DROP CONSTRAINT matches it.
        var name = check.Name ?? $"\u0000{_unnamed++}";
        _checks[(table.Name, name)] = (check.Expression, !check.NotValid);
    }

    public void Validated(RelationName table, string name)
    {
        if (_checks.TryGetValue((table.Name, name), out var check))
        {
            _checks[(table.Name, name)] = check with { Validated = true };
        }
    }

    public void Dropped(RelationName table, string name) => _checks.Remove((table.Name, name));

    public void TableDropped(RelationName table)
    {
        foreach (var key in _checks.Keys.Where(k => k.Table == table.Name).ToList())
        {
            _checks.Remove(key);
        }
    }

    /// <summary>The expressions of the validated checks on <paramref name="table"/> that are still in place.</summary>
    public IEnumerable<ExpressionSummary> ValidatedOn(RelationName table) =>
        _checks.Where(c => c.Key.Table == table.Name && c.Value.Validated).Select(c => c.Value.Expression);
}
