namespace Strata.Core.Execution;

/// <summary>The result of <c>redo</c>: the newest migration rolled back, then applied again.</summary>
/// <param name="Down">The roll-back.</param>
/// <param name="Up">The re-application.</param>
internal sealed record RedoResult(MigrationRunResult Down, MigrationRunResult Up);
