namespace Strata.Core.Migrations;

/// <summary>Where migrations come from: a directory on disk, or resources embedded in an application's assembly.</summary>
internal interface IMigrationSource
{
    /// <summary>A short human description of the source, e.g. the directory path.</summary>
    string Description { get; }

    /// <summary>Loads and parses every migration, sorted by version; a malformed file or duplicate version throws.</summary>
    Task<IReadOnlyList<Migration>> LoadAsync(CancellationToken cancellationToken);
}
