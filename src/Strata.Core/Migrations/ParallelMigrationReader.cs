using System.Runtime.ExceptionServices;
using Strata.Core.Errors;

namespace Strata.Core.Migrations;

/// <summary>
/// Reads and parses many migrations at once. When several are broken, the one reported is the first in the order
/// given, not whichever failed first, so the same files always give the same error.
/// </summary>
internal static class ParallelMigrationReader
{
    public static async Task<Migration[]> ReadAsync(
        IReadOnlyList<string> sources,
        Func<string, CancellationToken, Task<byte[]>> readAsync,
        CancellationToken cancellationToken)
    {
        var migrations = new Migration[sources.Count];
        var errors = new StrataException?[sources.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, sources.Count), cancellationToken, async (index, token) =>
        {
            try
            {
                var bytes = await readAsync(sources[index], token);
                migrations[index] = MigrationParser.Parse(sources[index], bytes);
            }
            catch (StrataException error)
            {
                errors[index] = error;
            }
        });

        var firstError = Array.Find(errors, e => e is not null);
        if (firstError is not null)
        {
            ExceptionDispatchInfo.Capture(firstError).Throw();
        }

        return migrations;
    }
}
