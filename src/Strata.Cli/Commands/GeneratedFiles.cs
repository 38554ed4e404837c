using Strata.Core.Errors;
using Strata.Core.Generators;

namespace Strata.Cli.Commands;

/// <summary>Writes new migration files all or nothing: none is written when one of the names is taken.</summary>
internal static class GeneratedFiles
{
    public static async Task<IReadOnlyList<string>> WriteAsync(string directory, IReadOnlyList<GeneratedMigration> files, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var paths = files.Select(f => Path.Combine(directory, f.FileName)).ToList();
        if (paths.Find(File.Exists) is { } taken)
        {
            throw Exists(taken);
        }

        var written = new List<string>();
        try
        {
            foreach (var (file, path) in files.Zip(paths))
            {
                await using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
                await using (var writer = new StreamWriter(stream))
                {
                    await writer.WriteAsync(file.Content.AsMemory(), cancellationToken);
                }

                written.Add(path);
            }
        }
        catch (Exception error) when (error is IOException or OperationCanceledException)
        {
            // A sequence missing a step is worse than none: remove what this run wrote.
            foreach (var path in written)
            {
                File.Delete(path);
            }

            if (error is IOException && paths.Find(File.Exists) is { } raced)
            {
                throw Exists(raced);
            }

            throw;
        }

        return paths;
    }

    private static ConfigurationException Exists(string path) =>
        new($"{path} already exists; wait a second or choose another description");
}
