using Strata.Core.Migrations;

namespace Strata.Core.Execution;

/// <summary>The result of <c>up --sql</c>: the SQL <c>up</c> would run, for review, with nothing executed.</summary>
/// <param name="Sql">The script: history bookkeeping included, one migration after another.</param>
/// <param name="Migrations">The versions the script applies, in order.</param>
internal sealed record ScriptResult(string Sql, IReadOnlyList<MigrationVersion> Migrations);
