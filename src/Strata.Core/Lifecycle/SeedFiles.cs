using System.Text;
using Strata.Core.Errors;
using Strata.Core.Sql;

namespace Strata.Core.Lifecycle;

/// <summary>The seed files of a directory: every <c>*.sql</c> file directly in it, in ordinal name order, read and split.</summary>
internal static class SeedFiles
{
    /// <summary>
    /// Whether anything is at <paramref name="directory"/>: a directory to seed from, or a file in its place, which
    /// <see cref="ReadAsync"/> refuses rather than leave the database unseeded without a word.
    /// </summary>
    public static bool Exist(string directory) => Directory.Exists(directory) || File.Exists(directory);

    /// <exception cref="ConfigurationException">The directory does not exist, is a file, or it or a file in it cannot be read.</exception>
    /// <exception cref="SqlSyntaxException">
    /// A file cannot be split into statements, or ends its transaction itself (<see cref="TransactionControl"/>): found
    /// in any file before the first one runs, so a refusal leaves nothing seeded (and nothing dropped by a reset).
    /// </exception>
    public static async Task<IReadOnlyList<(string File, SqlScript Script)>> ReadAsync(string directory, CancellationToken cancellationToken)
    {
        var scripts = new List<(string, SqlScript)>();
        foreach (var file in List(directory))
        {
            var script = SqlSplitter.Split(await ReadTextAsync(file, cancellationToken), new SqlSplitOptions { FileName = file, Kind = "seed file" });
            TransactionControl.StatementsToRun(script, file, "seed");
            scripts.Add((file, script));
        }

        return scripts;
    }

    private static List<string> List(string directory)
    {
        if (!Directory.Exists(directory))
        {
            var problem = File.Exists(directory) ? "is a file, not a directory; name" : "does not exist; create it and put the seed files (*.sql, run in name order) there, or name";
            throw new ConfigurationException($"seeds directory {directory} {problem} another seeds directory")
            {
                NextSteps = [new NextStep(NextStepKind.ChooseSeedsDirectory)],
            };
        }

        try
        {
            return Directory.EnumerateFiles(directory)
                .Where(path => Path.GetExtension(path) == ".sql" && !Path.GetFileName(path).StartsWith('.'))
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception ex) when (FileErrorText.IsFileError(ex))
        {
            throw new ConfigurationException($"seeds directory {directory} could not be read ({FileErrorText.Describe(ex)}); give the user running Strata read access to it.", ex);
        }
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
