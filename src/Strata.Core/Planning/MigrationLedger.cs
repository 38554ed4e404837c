using Strata.Core.Data;
using Strata.Core.Errors;
using Strata.Core.History;
using Strata.Core.Migrations;

namespace Strata.Core.Planning;

/// <summary>The source's migrations matched with the history table's rows, each with its <see cref="MigrationState"/>.</summary>
internal sealed class MigrationLedger
{
    public MigrationLedger(IReadOnlyList<Migration> migrations, IReadOnlyList<HistoryRecord> records)
    {
        // Both sides sorted by version and walked together: this runs over every migration on every run, and they
        // arrive sorted (a source's files, a history applied in order), which is checked at one comparison an item,
        // where maps of the versions cost a hash and a lookup per version on each side.
        var files = new List<Migration>(migrations);
        ListOrder.SortIfNeeded(files, MigrationCatalog.Compare);
        if (ListOrder.FirstRepeat(files, static (left, right) => left.Version == right.Version) is var i and > 0)
        {
            throw new ConfigurationException(
                $"Two migrations have version {files[i].Version}: {files[i - 1].Source} and {files[i].Source}; give one a new version.");
        }

        var rows = new List<HistoryRecord>(records);
        ListOrder.SortIfNeeded(rows, static (left, right) => left.Version.CompareTo(right.Version));
        if (ListOrder.FirstRepeat(rows, static (left, right) => left.Version == right.Version) is var twice and > 0)
        {
            throw new ArgumentException($"the history holds version {rows[twice].Version} twice", nameof(records));
        }

        NewestRecorded = rows.Count == 0 ? null : rows[^1].Version;
        NewestRecordedPost = rows.FindLast(r => r.Phase == MigrationPhase.Post)?.Version;

        var entries = new List<LedgerEntry>(Math.Max(files.Count, rows.Count));
        var (file, row) = (0, 0);
        while (file < files.Count || row < rows.Count)
        {
            var order = file == files.Count ? 1 : row == rows.Count ? -1 : files[file].Version.CompareTo(rows[row].Version);
            var migration = order <= 0 ? files[file++] : null;
            var record = order >= 0 ? rows[row++] : null;
            entries.Add(Entry(migration?.Version ?? record!.Version, migration, record));
        }

        Entries = entries;
        Records = rows;
    }

    /// <summary>The history's rows, oldest version first.</summary>
    public IReadOnlyList<HistoryRecord> Records { get; }

    /// <summary>Every version in the source or the history, oldest first.</summary>
    public IReadOnlyList<LedgerEntry> Entries { get; }

    /// <summary>The newest version with a history row (applied or interrupted).</summary>
    public MigrationVersion? NewestRecorded { get; }

    /// <summary>The newest version recorded by a post-deploy migration.</summary>
    public MigrationVersion? NewestRecordedPost { get; }

    /// <summary>The newest applied version.</summary>
    public MigrationVersion? CurrentVersion =>
        Entries.LastOrDefault(e => e.Record?.Status == HistoryStatus.Applied)?.Version;

    public IEnumerable<LedgerEntry> InState(MigrationState state) => Entries.Where(e => e.State == state);

    /// <summary>The files of the migrations recorded as applied and unchanged, in version order.</summary>
    public IReadOnlyList<Migration> AppliedFiles => [.. InState(MigrationState.Applied).Where(e => e.Migration is not null).Select(e => e.File)];

    public IEnumerable<LedgerEntry> NotApplied => Entries.Where(e => e.State is MigrationState.Pending or MigrationState.OutOfOrder);

    public LedgerEntry? Find(MigrationVersion version) => Entries.FirstOrDefault(e => e.Version == version);

    private LedgerEntry Entry(MigrationVersion version, Migration? migration, HistoryRecord? record) =>
        new(version, migration, record, StateOf(version, migration, record));

    // A post-deploy migration waits for the post phase while newer pre-deploy ones are applied: it is behind only when a
    // newer post-deploy migration ran, that is when a post phase skipped it.
    private bool Behind(MigrationVersion version, Migration migration) =>
        (migration.Phase == MigrationPhase.Post ? NewestRecordedPost : NewestRecorded) is { } newest && version < newest;

    private MigrationState StateOf(MigrationVersion version, Migration? migration, HistoryRecord? record) => (migration, record) switch
    {
        (_, { Status: not HistoryStatus.Applied }) => MigrationState.Interrupted,
        (null, not null) => MigrationState.Missing,
        (not null, not null) when migration.Checksum != record.Checksum => MigrationState.Edited,
        (_, not null) => MigrationState.Applied,
        _ when Behind(version, migration!) => MigrationState.OutOfOrder,
        _ => MigrationState.Pending,
    };
}
