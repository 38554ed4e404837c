using Strata.Core.Migrations;

namespace Strata.Core.Planning;

/// <summary>What <c>up</c> will do: accept the checksums of edited migrations (when allowed), then apply migrations in order.</summary>
/// <param name="Migrations">The migrations to apply, oldest first.</param>
/// <param name="EditedToAccept">Applied migrations whose file changed, to record with their new checksum.</param>
/// <param name="OutOfOrder">The ids of planned migrations older than the newest applied one (allowed by the options).</param>
/// <param name="Missing">The ids of applied migrations whose file is missing (not an obstacle to <c>up</c>).</param>
internal sealed record UpPlan(
    IReadOnlyList<Migration> Migrations,
    IReadOnlyList<Migration> EditedToAccept,
    IReadOnlyList<string> OutOfOrder,
    IReadOnlyList<string> Missing);
