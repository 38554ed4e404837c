using System.Text;
using Strata.Core.Errors;
using Strata.Core.Sql;

namespace Strata.Core.Lifecycle;

/// <summary>The seed files of a directory: every <c>*.sql</c> file directly in it, in ordinal name order, read and split.</summary>
internal static class SeedFiles
{
    public static bool Exist(string directory) => Directory.Exists(directory);

    /// <exception cref="ConfigurationException">The directory does not exist or a file cannot be read.</exception>
    /// <exception cref="SqlSyntaxException">A file cannot be split into statements.</exception>
    public static async Task<IReadOnlyList<(string File, SqlScript Script)>> ReadAsync(string directory, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
        {
            throw new ConfigurationException(
                $"seeds directory {directory} does not exist; create it and put the seed files (*.sql, run in name order) there, or name another seeds directory")
            {
                NextSteps = [new NextStep(NextStepKind.ChooseSeedsDirectory)],
            };
        }

        var files = Directory.EnumerateFiles(directory)
            .Where(path => Path.GetExtension(path) == ".sql" && !Path.GetFileName(path).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var scripts = new List<(string, SqlScript)>(files.Count);
        foreach (var file in files)
        {
            scripts.Add((file, SqlSplitter.Split(await ReadTextAsync(file, cancellationToken), new SqlSplitOptions { FileName = file, Kind = "seed file" })));
        }

        return scripts;
    }

    /// <summary>Reads a SQL file as UTF-8 (a byte-order mark is dropped).</summary>
    public static async Task<string> ReadTextAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(file, new UTF8Encoding(false, throwOnInvalidBytes: true), cancellationToken);
        }
        catch (DecoderFallbackException ex)
        {
            throw new ConfigurationException($"could not read {file}: it is not valid UTF-8; save it as UTF-8.", ex);
        }
        catch (Exception ex) when (FileErrorText.IsFileError(ex))
        {
            throw new ConfigurationException($"could not read {file}: {FileErrorText.Describe(ex, file)}.", ex);
        }
    }
}
