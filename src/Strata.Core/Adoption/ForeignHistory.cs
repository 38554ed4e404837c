using Strata.Core.Migrations;

namespace Strata.Core.Adoption;

/// <summary>What another tool's history table says was applied, in Strata's versions.</summary>
/// <param name="Applied">Versions the tool applied one by one, with when, where it kept the time.</param>
/// <param name="UpTo">Every version up to this one is applied (golang-migrate's current version, a Flyway baseline).</param>
/// <param name="Skipped">Rows that have no Strata counterpart and are not imported, described for the user.</param>
internal sealed record ForeignHistory(IReadOnlyList<ForeignVersion> Applied, MigrationVersion? UpTo, IReadOnlyList<string> Skipped)
{
    /// <summary>Why the history cannot be imported at all (a migration failed part-way); naming a version does not change it.</summary>
    public string? Unsafe { get; init; }

    /// <summary>
    /// Whether <see cref="ForeignHistory.UpTo"/> is a baseline (Flyway's): a point the schema was at, which no migration
    /// file needs to have, unlike golang-migrate's current version, the last migration it ran.
    /// </summary>
    public bool UpToIsBaseline { get; init; }

    /// <summary>Why its ids cannot be read one to one as Strata versions; naming the newest migration file answers it.</summary>
    public string? Unmapped { get; init; }

    /// <summary>
    /// Whether the table says anything adopt has to act on: a version applied, or a state it refuses. A Flyway table holding
    /// only repeatable migrations and its schema-creation row does not.
    /// </summary>
    public bool RecordsAny => Applied.Count > 0 || UpTo is not null || Unsafe is not null || Unmapped is not null;

    /// <summary>
    /// Whether the table records only a baseline (Flyway's): the version the schema was at when the tool took it over,
    /// and no migration it ran since. The schema's tables are then the baseline's, and of the migration files only those
    /// up to that version may not run.
    /// </summary>
    public bool OnlyBaseline => Applied.Count == 0 && UpToIsBaseline && Unsafe is null && Unmapped is null;

    /// <summary>Every migration file the tool recorded as applied, one by one or up to a version.</summary>
    public bool Covers(MigrationVersion version) =>
        (UpTo is { } upTo && version <= upTo) || Applied.Any(a => a.Version == version);
}

/// <summary>One version another tool applied.</summary>
/// <param name="Version">The version, as Strata normalises it.</param>
/// <param name="AppliedAt">When the tool applied it; null when it keeps no time.</param>
internal sealed record ForeignVersion(MigrationVersion Version, DateTimeOffset? AppliedAt);
