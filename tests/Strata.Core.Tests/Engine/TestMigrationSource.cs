using Strata.Core.Migrations;

namespace Strata.Core.Tests.Engine;

/// <summary>An in-memory migration source for engine tests; files are parsed by the real parser.</summary>
internal sealed class TestMigrationSource : IMigrationSource
{
    private readonly List<Migration> _migrations = [];

    public string Description => "test migrations";

    public IReadOnlyList<Migration> Migrations => _migrations;

    /// <summary>Adds (or replaces) <c>db/migrations/{fileName}</c> with <paramref name="content"/>.</summary>
    public TestMigrationSource Add(string fileName, string content)
    {
        Remove(fileName);
        _migrations.Add(MigrationParser.Parse("db/migrations/" + fileName, content));
        _migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        return this;
    }

    public TestMigrationSource Remove(string fileName)
    {
        _migrations.RemoveAll(m => m.Source == "db/migrations/" + fileName);
        return this;
    }

    public Task<IReadOnlyList<Migration>> LoadAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Migration>>(_migrations.ToList());
}
