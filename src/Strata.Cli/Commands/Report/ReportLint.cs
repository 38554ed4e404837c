namespace Strata.Cli.Commands.Report;

/// <summary>How the pending migrations were linted; the findings themselves sit on each <see cref="ReportMigration"/>.</summary>
/// <param name="Dynamic">True when the statements also ran on a scratch database and their locks were observed.</param>
/// <param name="Files">How many files were linted.</param>
/// <param name="Statements">How many statements were parsed.</param>
/// <param name="Suppressed">How many findings a <c>strata:lint-ignore</c> comment suppressed.</param>
internal sealed record ReportLint(bool Dynamic, int Files, int Statements, int Suppressed);
