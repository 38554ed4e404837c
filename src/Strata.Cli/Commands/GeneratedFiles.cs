using System.Text;
using Strata.Core.Data;
using Strata.Core.Errors;
using Strata.Core.Generators;

namespace Strata.Cli.Commands;

/// <summary>Writes new migration files all or nothing: none is written when one of the names is taken.</summary>
internal static class GeneratedFiles
{
    public static async Task<IReadOnlyList<string>> WriteAsync(string directory, IReadOnlyList<GeneratedMigration> files, CancellationToken cancellationToken)
    {
        CreateDirectory(directory);
        var paths = files.Select(f => Path.Combine(directory, f.FileName)).ToList();
        if (paths.Find(File.Exists) is { } taken)
        {
            throw Exists(taken);
        }

        // Each file appears whole or not at all (AtomicFile), so a run killed part-way leaves no half-written
        // migration for the next up to apply.
        var written = new List<string>();
        var current = paths[0];
        try
        {
            foreach (var (file, path) in files.Zip(paths))
            {
                current = path;
                if (!await AtomicFile.CreateAsync(path, Encoding.UTF8.GetBytes(file.Content), cancellationToken))
                {
                    throw Exists(path);
                }

                written.Add(path);
            }
        }
        catch (Exception error) when (error is ConfigurationException or OperationCanceledException || FileErrorText.IsFileError(error))
        {
            // A sequence missing a step is worse than none: remove what this run wrote.
            foreach (var path in written)
            {
                File.Delete(path);
            }

            if (FileErrorText.IsFileError(error))
            {
                throw new ConfigurationException($"could not write {current}: {FileErrorText.Describe(error, current)}", error);
            }

            throw;
        }

        return paths;
    }

    // The directory is made when missing, as the first migration of a project needs; a file where it or one of its
    // parents should be is the user's to fix, and is said to be one (the runtime calls it "already exists").
    private static void CreateDirectory(string directory)
    {
        if (FileErrorText.FileInTheWay(directory) is { } file)
        {
            var problem = file == Path.GetFullPath(directory) ? "is a file" : $"cannot be created: {file} is a file";
            throw new ConfigurationException(
                $"migrations directory {directory} {problem}, not a directory; name the directory to write the migration into.");
        }

        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception error) when (FileErrorText.IsFileError(error))
        {
            throw new ConfigurationException($"could not create the migrations directory {directory}: {FileErrorText.Describe(error)}", error);
        }
    }

    private static ConfigurationException Exists(string path) =>
        new($"{path} already exists; wait a second or choose another description");
}
