using System.IO.Enumeration;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;
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

    /// <summary>
    /// Where a directory of many files keeps its <see cref="ChecksumCache"/> when the sections are split on first use;
    /// null keeps none. Only on Linux, where a file's change time can be read.
    /// </summary>
    public string? CacheDirectory { get; init; }

    /// <summary>The clock a file's stamp is judged recent by before it is cached (see <see cref="FileStamp.IsRecent"/>).</summary>
    internal TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <inheritdoc />
    /// <exception cref="ConfigurationException">The directory does not exist, or it or a migration file cannot be read.</exception>
    /// <exception cref="MigrationFileException">A file is misnamed, malformed or too large, or two share a version.</exception>
    /// <exception cref="Strata.Core.Errors.SqlSyntaxException">A file's SQL cannot be split into statements.</exception>
    public Task<IReadOnlyList<Migration>> LoadAsync(CancellationToken cancellationToken) => LoadAsync(NullLogger.Instance, splitStatements: true, cancellationToken);

    /// <summary>Loads the migrations, warning through <paramref name="logger"/> about each file that is skipped.</summary>
    /// <param name="logger">Where each skipped file is reported.</param>
    /// <param name="splitStatements">
    /// Split every file's sections into statements now (a broken one fails the load); when false, the caller splits the
    /// files it will run, on first use.
    /// </param>
    /// <param name="cancellationToken">Stops reading between files.</param>
    internal Task<IReadOnlyList<Migration>> LoadAsync(ILogger logger, bool splitStatements, CancellationToken cancellationToken)
    {
        var all = new List<Migration>();
        foreach (var directory in Directories.Distinct(StringComparer.Ordinal))
        {
            all.AddRange(LoadOne(directory, logger, splitStatements ? null : CacheDirectory, splitStatements, cancellationToken));
        }

        // Ordering also refuses two files with one version, naming both, whichever directories they are in.
        return Task.FromResult(MigrationCatalog.Order(all));
    }

    private IReadOnlyList<Migration> LoadOne(
        string directory, ILogger logger, string? cacheDirectory, bool splitStatements, CancellationToken cancellationToken)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            // An error rather than an empty list: a wrong working directory must not look like "nothing to migrate".
            var full = Path.GetFullPath(directory);
            var shown = full == directory ? directory : $"{directory} ({full})";
            var missing = System.IO.File.Exists(directory) ? "is a file, not a directory;" : "does not exist; create it, or";
            throw new ConfigurationException(
                $"migrations directory {shown} {missing} point Strata at the directory that holds your migrations.");
        }

        var names = ListFileNames(directory);
        foreach (var skipped in names.Where(n => !MigrationFileName.IsCandidate(n)))
        {
            var path = Path.Combine(directory, skipped);
            if (MigrationFileName.LooksMeantAsMigration(skipped))
            {
                logger.SkippedFile(LogLevel.Warning, path, "it is not a migration (a migration is named <version>_<description>.sql)");
            }
            else
            {
                logger.SkippedFile(LogLevel.Debug, path, "not a .sql file");
            }
        }

        var files = new List<MigrationFile>(names.Count);
        foreach (var name in names.Where(MigrationFileName.IsCandidate))
        {
            var path = Path.Combine(directory, name);
            var (version, description) = MigrationFileName.Parse(name, path);
            files.Add(new MigrationFile(path, name, version, description));
        }

        return cacheDirectory is not null && files.Count >= ChecksumCache.MinimumFiles && OperatingSystem.IsLinux()
            ? CachedMigrationReader.Read(Path.GetFullPath(directory), files, new ChecksumCache.Location(cacheDirectory, Clock), ReadFile, logger, cancellationToken)
            : ParallelMigrationReader.Read(files.ConvertAll(f => f.Path), ReadFile, splitStatements, cancellationToken);
    }

    // Names only, from the directory entries: no file is stat'ed here, its size is checked on the handle it is read
    // through. Subdirectories are not migrations; neither are dotfiles (editor swap files, .gitkeep).
    private static List<string> ListFileNames(string directory)
    {
        try
        {
            var entries = new FileSystemEnumerable<string>(
                directory,
                (ref entry) => entry.FileName.ToString(),
                new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false })
            {
                ShouldIncludePredicate = (ref entry) => !entry.IsDirectory && !entry.FileName.StartsWith('.'),
            };
            var names = entries.ToList();
            names.Sort(StringComparer.Ordinal);
            return names;
        }
        catch (Exception error) when (FileErrorText.IsFileError(error))
        {
            throw new ConfigurationException(
                $"migrations directory {directory} could not be read ({FileErrorText.Describe(error)}); give the user running Strata read access to it.");
        }
    }

    private static int ReadFile(string path, ref byte[] buffer)
    {
        try
        {
            using var handle = File.OpenHandle(path);
            var length = RandomAccess.GetLength(handle);
            if (length > MigrationText.MaxFileBytes)
            {
                throw new MigrationFileException(
                    $"{path}: the file is {length / (1024 * 1024)} MiB, over the {MigrationText.MaxFileBytes / (1024 * 1024)} MiB a migration may have; " +
                    "split it into several migrations, or load bulk data with psql or a schema load.",
                    path);
            }

            return ReadToEnd(handle, (int)length, ref buffer);
        }
        catch (Exception error) when (FileErrorText.IsFileError(error))
        {
            throw new ConfigurationException($"{path}: the migration file could not be read ({FileErrorText.Describe(error, path)}); give the user running Strata read access to it.");
        }
    }

    // Reads the length the file had when opened, as File.ReadAllBytes does; a file that reports no length (a pipe, a
    // special file) is read to its end.
    private static int ReadToEnd(SafeFileHandle handle, int length, ref byte[] buffer)
    {
        if (length == 0)
        {
            using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            buffer = copy.ToArray();
            return buffer.Length;
        }

        buffer = ParallelMigrationReader.Fit(buffer, length);

        var total = 0;
        while (total < length)
        {
            var read = RandomAccess.Read(handle, buffer.AsSpan(total, length - total), total);
            if (read == 0)
            {
                return total;
            }

            total += read;
        }

        return total;
    }
}
