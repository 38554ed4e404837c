namespace Strata.Lint.Parsing;

/// <summary>A constraint in a column or table definition, or added by <c>ALTER TABLE ... ADD</c>.</summary>
/// <param name="Kind">The parser's constraint kind without its prefix: PRIMARY, UNIQUE, CHECK, FOREIGN, NOTNULL, DEFAULT, IDENTITY, GENERATED, ...</param>
/// <param name="Name">The constraint's name, when given.</param>
/// <param name="NotValid">True when written <c>NOT VALID</c> (PostgreSQL then skips checking existing rows).</param>
/// <param name="UsesExistingIndex">True for <c>UNIQUE/PRIMARY KEY USING INDEX</c>, which builds nothing.</param>
/// <param name="Expression">The CHECK, DEFAULT or generation expression, summarised.</param>
/// <param name="Columns">The key columns, when listed.</param>
/// <param name="Location">The 0-based UTF-8 byte offset in the statement, or -1.</param>
internal sealed record ConstraintNode(
    string Kind,
    string? Name,
    bool NotValid,
    bool UsesExistingIndex,
    ExpressionSummary Expression,
    IReadOnlyList<string> Columns,
    int Location);
