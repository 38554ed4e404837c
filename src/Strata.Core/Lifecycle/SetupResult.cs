using Strata.Core.Errors;
using Strata.Core.Execution;

namespace Strata.Core.Lifecycle;

/// <summary>What <see cref="DatabaseLifecycle.SetupAsync"/> did.</summary>
/// <param name="Database">The database's name.</param>
/// <param name="Server">The server, as <c>host:port</c>.</param>
/// <param name="Created">Whether the database was created now.</param>
/// <param name="Migrations">The migrations that were applied (none when it was up to date).</param>
/// <param name="Seeds">The seeds that ran, or null when seeding was skipped.</param>
/// <param name="SeedsSkipped">Why seeding was skipped, or null when seeds ran.</param>
internal sealed record SetupResult(
    string Database, string Server, bool Created, MigrationRunResult Migrations, SeedResult? Seeds, string? SeedsSkipped)
{
    /// <summary>What to do to seed the database anyway, when seeding was skipped because it was not new.</summary>
    public NextStep? SeedsNextStep { get; init; }
}
