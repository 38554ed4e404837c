using Strata.Core.Migrations;

namespace Strata.Core.Schema;

/// <summary>The migrations of a source whose versions are in a set: what a database's history says was applied.</summary>
internal sealed class AppliedMigrationSource(IMigrationSource inner, IReadOnlySet<MigrationVersion> versions) : IMigrationSource
{
    public string Description => inner.Description;

    public async Task<IReadOnlyList<Migration>> LoadAsync(CancellationToken cancellationToken) =>
        [.. (await inner.LoadAsync(cancellationToken)).Where(m => versions.Contains(m.Version))];
}
