using Strata.Core.Migrations;

namespace Strata.Core.Adoption;

/// <summary>What another tool's history table says was applied, in Strata's versions.</summary>
/// <param name="Applied">Versions the tool applied one by one, with when, where it kept the time.</param>
/// <param name="UpTo">Every version up to this one is applied (golang-migrate's current version, a Flyway baseline).</param>
/// <param name="Skipped">Rows that have no Strata counterpart and are not imported, described for the user.</param>
internal sealed record ForeignHistory(IReadOnlyList<ForeignVersion> Applied, MigrationVersion? UpTo, IReadOnlyList<string> Skipped);

/// <summary>One version another tool applied.</summary>
/// <param name="Version">The version, as Strata normalises it.</param>
/// <param name="AppliedAt">When the tool applied it; null when it keeps no time.</param>
internal sealed record ForeignVersion(MigrationVersion Version, DateTimeOffset? AppliedAt);
