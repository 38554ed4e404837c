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
        var files = new Dictionary<MigrationVersion, Migration>();
        foreach (var migration in migrations)
        {
            if (!files.TryAdd(migration.Version, migration))
            {
                throw new ConfigurationException(
                    $"Two migrations have version {migration.Version}: {files[migration.Version].Source} and {migration.Source}; give one a new version.");
            }
        }

        var rows = records.ToDictionary(r => r.Version);
        NewestRecorded = records.Count == 0 ? null : records.Max(r => r.Version);
        NewestRecordedPost = records.Where(r => r.Phase == MigrationPhase.Post).Select(r => (MigrationVersion?)r.Version).Max();

        // Every version once (a file's, then a row's without a file), sorted in place: this runs over every migration
        // on every run, and needs neither the set a union builds nor the index map an ordering iterator sorts.
        var versions = new List<MigrationVersion>(files.Count + rows.Count);
        versions.AddRange(files.Keys);
        foreach (var version in rows.Keys)
        {
            if (!files.ContainsKey(version))
            {
                versions.Add(version);
            }
        }

        ListOrder.SortIfNeeded(versions, (left, right) => left.CompareTo(right));
        var entries = new List<LedgerEntry>(versions.Count);
        foreach (var version in versions)
        {
            entries.Add(Entry(version, files.GetValueOrDefault(version), rows.GetValueOrDefault(version)));
        }

        Entries = entries;
    }

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
