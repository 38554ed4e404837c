using Strata.Core.Errors;

namespace Strata.Core.Migrations;

/// <summary>
/// Migrations in a directory: every <c>.sql</c> file directly in it (not in subdirectories), read in parallel,
/// parsed and sorted by version. Dotfiles and files with other extensions are ignored; a <c>.sql</c> file whose name
/// does not follow <c>&lt;version&gt;_&lt;description&gt;.sql</c> is an error, so a typo is never skipped silently.
/// </summary>
public sealed class DirectoryMigrationSource : IMigrationSource
{
    /// <summary>Reads migrations from <paramref name="directory"/> (relative paths resolve against the current directory).</summary>
    public DirectoryMigrationSource(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = directory;
    }

    /// <summary>The directory, as given.</summary>
    public string Directory { get; }

    /// <inheritdoc />
    public string Description => Directory;

    /// <inheritdoc />
    /// <exception cref="ConfigurationException">The directory does not exist.</exception>
    /// <exception cref="MigrationFileException">A file is misnamed, malformed or unreadable, or two share a version.</exception>
    /// <exception cref="Strata.Core.Errors.SqlSyntaxException">A file's SQL cannot be split into statements.</exception>
    public async Task<IReadOnlyList<Migration>> LoadAsync(CancellationToken cancellationToken)
    {
        var info = new DirectoryInfo(Directory);
        if (!info.Exists)
        {
            // An error rather than an empty list: a wrong working directory must not look like "nothing to migrate".
            var shown = info.FullName == Directory ? Directory : $"{Directory} ({info.FullName})";
            throw new ConfigurationException(
                $"migrations directory {shown} does not exist; create it, or point Strata at the directory that holds your migrations.");
        }

        var paths = info.EnumerateFiles()
            .Where(f => MigrationFileName.IsCandidate(f.Name))
            .Select(f => Path.Combine(Directory, f.Name))
            .Order(StringComparer.Ordinal)
            .ToArray();
        foreach (var path in paths)
        {
            MigrationFileName.Parse(Path.GetFileName(path), path);
        }

        var migrations = await ParallelMigrationReader.ReadAsync(paths, ReadFileAsync, cancellationToken);
        return MigrationCatalog.Order(migrations);
    }

    private static async Task<byte[]> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new MigrationFileException($"{path}: the file could not be read: {error.Message}", path);
        }
    }
}
