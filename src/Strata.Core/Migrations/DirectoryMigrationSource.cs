using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Strata.Core.Errors;
using Strata.Core.Logging;

namespace Strata.Core.Migrations;

/// <summary>
/// Migrations in a directory: every file directly in it (not in subdirectories) whose name starts with a digit and
/// ends in <c>.sql</c>, read in parallel, parsed and sorted by version. Such a file whose name does not follow
/// <c>&lt;version&gt;_&lt;description&gt;.sql</c> is an error, so a typo in a migration's name is never skipped. Other
/// files (<c>schema.sql</c>, <c>README.md</c>, editor backups) are skipped with a warning each; dotfiles silently.
/// Several directories combine into one set, as dbmate allows; a version must stay unique across all of them.
/// </summary>
internal sealed class DirectoryMigrationSource : IMigrationSource
{
    /// <summary>Reads migrations from <paramref name="directory"/> (relative paths resolve against the current directory).</summary>
    public DirectoryMigrationSource(string directory)
        : this([directory])
    {
    }

    /// <summary>Reads migrations from every one of <paramref name="directories"/>, combined into one set.</summary>
    public DirectoryMigrationSource(IReadOnlyList<string> directories)
    {
        ArgumentNullException.ThrowIfNull(directories);
        if (directories.Count == 0)
        {
            throw new ArgumentException("At least one migrations directory is needed.", nameof(directories));
        }

        foreach (var directory in directories)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(directory, nameof(directories));
        }

        Directories = directories;
    }

    /// <summary>The first directory, as given: where new migrations go.</summary>
    public string Directory => Directories[0];

    /// <summary>Every directory, as given, in order.</summary>
    public IReadOnlyList<string> Directories { get; }

    /// <inheritdoc />
    public string Description => string.Join(", ", Directories);

    /// <inheritdoc />
    /// <exception cref="ConfigurationException">The directory does not exist, or it or a migration file cannot be read.</exception>
    /// <exception cref="MigrationFileException">A file is misnamed, malformed or too large, or two share a version.</exception>
    /// <exception cref="Strata.Core.Errors.SqlSyntaxException">A file's SQL cannot be split into statements.</exception>
    public Task<IReadOnlyList<Migration>> LoadAsync(CancellationToken cancellationToken) => LoadAsync(NullLogger.Instance, cancellationToken);

    /// <summary>Loads the migrations, warning through <paramref name="logger"/> about each file that is skipped.</summary>
    internal async Task<IReadOnlyList<Migration>> LoadAsync(ILogger logger, CancellationToken cancellationToken)
    {
        var all = new List<Migration>();
        foreach (var directory in Directories.Distinct(StringComparer.Ordinal))
        {
            all.AddRange(await LoadOneAsync(directory, logger, cancellationToken));
        }

        // Ordering also refuses two files with one version, naming both, whichever directories they are in.
        return MigrationCatalog.Order(all);
    }

    private static async Task<IReadOnlyList<Migration>> LoadOneAsync(string directory, ILogger logger, CancellationToken cancellationToken)
    {
        var info = new DirectoryInfo(directory);
        if (!info.Exists)
        {
            // An error rather than an empty list: a wrong working directory must not look like "nothing to migrate".
            var shown = info.FullName == directory ? directory : $"{directory} ({info.FullName})";
            throw new ConfigurationException(
                $"migrations directory {shown} does not exist; create it, or point Strata at the directory that holds your migrations.");
        }

        var files = ListFiles(directory, info);
        foreach (var skipped in files.Where(f => !MigrationFileName.IsCandidate(f.Name)))
        {
            logger.SkippedNonMigrationFile(Path.Combine(directory, skipped.Name));
        }

        var candidates = files.Where(f => MigrationFileName.IsCandidate(f.Name)).ToList();
        foreach (var file in candidates)
        {
            var path = Path.Combine(directory, file.Name);
            MigrationFileName.Parse(file.Name, path);
            if (file.Length > MigrationText.MaxFileBytes)
            {
                throw new MigrationFileException(
                    $"{path}: the file is {file.Length / (1024 * 1024)} MiB, over the {MigrationText.MaxFileBytes / (1024 * 1024)} MiB a migration may have; " +
                    "split it into several migrations, or load bulk data with psql or a schema load.",
                    path);
            }
        }

        var paths = candidates.Select(f => Path.Combine(directory, f.Name)).ToArray();
        return await ParallelMigrationReader.ReadAsync(paths, ReadFileAsync, cancellationToken);
    }

    private static List<FileInfo> ListFiles(string directory, DirectoryInfo info)
    {
        try
        {
            return [.. info.EnumerateFiles().Where(f => !f.Name.StartsWith('.')).OrderBy(f => f.Name, StringComparer.Ordinal)];
        }
        catch (Exception error) when (FileReadErrors.IsReadError(error))
        {
            throw new ConfigurationException(
                $"migrations directory {directory} could not be read ({FileReadErrors.Reason(error)}); give the user running Strata read access to it.");
        }
    }

    private static async Task<byte[]> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception error) when (FileReadErrors.IsReadError(error))
        {
            throw new ConfigurationException($"{path}: the migration file could not be read ({FileReadErrors.Reason(error)}); give the user running Strata read access to it.");
        }
    }
}
