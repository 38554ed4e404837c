using Strata.Core.Sql;

namespace Strata.Lint.Observation;

/// <summary>Turns the catalog state before and after a statement into what the statement did to existing tables.</summary>
internal static class ObservationDiff
{
    /// <param name="file">The migration file.</param>
    /// <param name="statement">The statement run.</param>
    /// <param name="baseline">The state before the migration: only its tables can be hazards.</param>
    /// <param name="before">The state just before the statement.</param>
    /// <param name="after">The state just after it: its locks are all those held then, taken by this statement or
    /// earlier ones of the transaction (the locks of a concurrent statement are read while it runs).</param>
    /// <param name="failure">The SQLSTATE and message when it failed.</param>
    public static StatementObservation Compare(
        string file, SqlStatement statement, CatalogSnapshot baseline, CatalogSnapshot before, CatalogSnapshot after, (string SqlState, string Message)? failure)
    {
        string Name(uint oid) => baseline.Tables[oid].Name;
        var locks = after.Locks
            .Where(l => baseline.Tables.ContainsKey(l.Relation))
            .Select(l => new RelationLock(Name(l.Relation), l.Mode, l.Granted))
            .Concat(IndexLocksBlockingReads(baseline, after))
            .OrderBy(l => l.Relation, StringComparer.Ordinal).ThenBy(l => l.Mode, StringComparer.Ordinal).ThenBy(l => l.Index, StringComparer.Ordinal)
            .ToList();
        var rewritten = baseline.Tables.Keys
            .Where(oid => before.Tables.TryGetValue(oid, out var was) && after.Tables.TryGetValue(oid, out var now) && was.FileNode != 0 && was.FileNode != now.FileNode)
            .Select(Name).Order(StringComparer.Ordinal).ToList();
        var scanned = baseline.Tables.Keys
            .Where(oid => Counter(after, oid).SeqScans > Counter(before, oid).SeqScans)
            .Select(Name).Order(StringComparer.Ordinal).ToList();
        var rows = baseline.Tables.Keys.Sum(oid => Counter(after, oid).RowsTouched - Counter(before, oid).RowsTouched);
        var invalid = after.InvalidIndexes.Except(before.InvalidIndexes).Order(StringComparer.Ordinal).ToList();
        return new StatementObservation(file, statement.Line, statement.Column, locks, rewritten, scanned, rows, failure?.SqlState, failure?.Message, invalid);
    }

    // ACCESS EXCLUSIVE on an index that existed before the migration (REINDEX takes it) blocks its table's reads: a
    // query on the table opens all its indexes while it is planned. A new index is not seen by others until commit.
    private static IEnumerable<RelationLock> IndexLocksBlockingReads(CatalogSnapshot baseline, CatalogSnapshot after)
    {
        foreach (var (relation, mode, granted) in after.Locks)
        {
            if (mode == "AccessExclusiveLock" && baseline.Indexes.TryGetValue(relation, out var index) && baseline.Tables.TryGetValue(index.Table, out var table))
            {
                yield return new RelationLock(table.Name, mode, granted, index.Name);
            }
        }
    }

    private static (long SeqScans, long RowsTouched) Counter(CatalogSnapshot snapshot, uint oid) =>
        snapshot.Counters.TryGetValue(oid, out var counter) ? counter : (0, 0);
}
