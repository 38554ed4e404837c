namespace Strata.Core.Migrations;

/// <summary>Migrations already read and checked, handed on so that what was checked is what runs, read once.</summary>
internal sealed class LoadedMigrationSource(string description, IReadOnlyList<Migration> migrations) : IMigrationSource
{
    public string Description => description;

    public Task<IReadOnlyList<Migration>> LoadAsync(CancellationToken cancellationToken) => Task.FromResult(migrations);
}
