using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Packaging;

/// <summary>
/// A local NuGet feed holding every package scripts/pack.sh makes (the libraries and the RID-specific tool), packed
/// once for the packaging tests that install from it.
/// </summary>
public sealed class PackedFeed : IAsyncLifetime
{
    public const string Collection = "packed feed";

    private readonly TempDirectory _directory = new();

    // STRATA_TEST_FEED names a folder scripts/pack.sh already filled, so a release pipeline tests what it ships.
    private readonly string? _given = Environment.GetEnvironmentVariable("STRATA_TEST_FEED") is { Length: > 0 } given ? given : null;

    public string Path => _given ?? System.IO.Path.Combine(_directory.Path, "feed");

    public async Task InitializeAsync()
    {
        if (_given is null)
        {
            await Shell.RunOkAsync("bash", Repository.Root, TimeSpan.FromMinutes(20), Repository.PathTo("scripts", "pack.sh"), Path);
        }
    }

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The tests that share one <see cref="PackedFeed"/>.</summary>
[CollectionDefinition(PackedFeed.Collection)]
public sealed class PackedFeedCollection : ICollectionFixture<PackedFeed>;
