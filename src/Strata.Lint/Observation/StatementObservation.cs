namespace Strata.Lint.Observation;

/// <summary>What PostgreSQL did while running one statement of a migration on the scratch database.</summary>
/// <param name="File">The migration file.</param>
/// <param name="Line">The statement's 1-based line.</param>
/// <param name="Column">The statement's 1-based column.</param>
/// <param name="Locks">Locks this backend held on tables that existed before the migration once the statement ran (a transaction keeps earlier statements' locks).</param>
/// <param name="Rewritten">Tables that existed before the migration whose relfilenode this statement changed.</param>
/// <param name="Scanned">Tables that existed before the migration that this statement read sequentially.</param>
/// <param name="RowsTouched">Rows inserted, updated or deleted in existing tables (on the scratch copy, which has no data).</param>
/// <param name="SqlState">The SQLSTATE the statement failed with, or null.</param>
/// <param name="Error">The server's message when it failed.</param>
/// <param name="InvalidIndexes">Indexes left INVALID (<c>pg_index.indisvalid</c> false) after the statement.</param>
public sealed record StatementObservation(
    string File,
    int Line,
    int Column,
    IReadOnlyList<RelationLock> Locks,
    IReadOnlyList<string> Rewritten,
    IReadOnlyList<string> Scanned,
    long RowsTouched,
    string? SqlState,
    string? Error,
    IReadOnlyList<string> InvalidIndexes)
{
    /// <summary>
    /// For a statement that cannot run in a transaction: the kind of lock it was found waiting for while an older
    /// snapshot was held (<c>virtualxid</c> for the wait of a concurrent index build), or null.
    /// </summary>
    public string? WaitedFor { get; init; }

    /// <summary>
    /// What this statement took away that the schema before its migration had (renames, drops, type changes), from
    /// comparing the catalog models before and after the migration; null when they were not compared (the migration
    /// did not run to the end), so static rules decide.
    /// </summary>
    public IReadOnlyList<SchemaBreak>? SchemaBreaks { get; init; }

    /// <summary>True when the statement ran to completion.</summary>
    public bool Succeeded => SqlState is null;
}
