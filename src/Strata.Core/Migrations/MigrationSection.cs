using System.Collections.ObjectModel;
using Strata.Core.Sql;

namespace Strata.Core.Migrations;

/// <summary>The up or down part of a migration file.</summary>
/// <param name="Sql">The section's SQL as written (the directive line excluded).</param>
/// <param name="Statements">The section's statements, with line and column relative to the whole file.</param>
/// <param name="Options">The options on the section's directive line.</param>
/// <param name="DirectiveLine">The 1-based line of the section's directive in the file.</param>
internal sealed record MigrationSection(string Sql, IReadOnlyList<SqlStatement> Statements, MigrationOptions Options, int DirectiveLine)
{
    /// <summary>True when the section has no statement (only blank lines and comments).</summary>
    public bool IsEmpty => Statements.Count == 0;

    /// <summary>The statements marked <c>-- strata:batch</c>, keyed by their index in <see cref="Statements"/>.</summary>
    public IReadOnlyDictionary<int, BatchDirective> Batches { get; init; } = ReadOnlyDictionary<int, BatchDirective>.Empty;
}
