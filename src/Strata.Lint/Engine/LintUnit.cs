using Strata.Core.Migrations;
using Strata.Core.Sql;

namespace Strata.Lint.Engine;

/// <summary>One migration to lint: the SQL that <c>up</c> runs, split, and whether it runs in a transaction.</summary>
/// <param name="File">The file, as given, for findings.</param>
/// <param name="Sql">The text the statements were split from (offsets refer to it).</param>
/// <param name="Statements">The statements.</param>
/// <param name="Transactional">False for a <c>transaction:false</c> migration.</param>
/// <param name="Phase">When it runs relative to the deploy: a plain script is pre-deploy.</param>
/// <param name="Batched">The indexes of the statements marked <c>-- strata:batch</c>; none when null.</param>
/// <param name="StatementTimeout">The migration's own <c>statement_timeout</c>, or null for the run's.</param>
internal sealed record LintUnit(
    string File,
    string Sql,
    IReadOnlyList<SqlStatement> Statements,
    bool Transactional,
    MigrationPhase Phase = MigrationPhase.Pre,
    IReadOnlySet<int>? Batched = null,
    TimeSpan? StatementTimeout = null);
