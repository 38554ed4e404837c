using Strata.Core.Migrations;

namespace Strata.AspNetCore.Migrations;

/// <summary>
/// Loads the app's migrations once. They ship with the build, and the readiness check reads them on every probe, so
/// parsing them again each time would only cost CPU. A failed load is not cached: the next call tries again.
/// </summary>
internal sealed class CachedMigrationSource(IMigrationSource inner) : IMigrationSource
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyList<Migration>? _loaded;

    public IMigrationSource Inner => inner;

    public string Description => inner.Description;

    public async Task<IReadOnlyList<Migration>> LoadAsync(CancellationToken cancellationToken)
    {
        if (_loaded is { } loaded)
        {
            return loaded;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _loaded ??= await inner.LoadAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }
}
