using Strata.Core.Errors;

namespace Strata.Core.Migrations;

/// <summary>
/// Reads and parses many migrations at once. When several are broken, the one reported is the first in the order
/// given, not whichever failed first, so the same files always give the same error.
/// </summary>
internal static class ParallelMigrationReader
{
    /// <summary>Reads one source's bytes into <paramref name="buffer"/>, replacing it when too small, and returns how many.</summary>
    /// <param name="source">The file path or resource name.</param>
    /// <param name="buffer">A buffer the caller reuses from one source to the next.</param>
    public delegate int BytesReader(string source, ref byte[] buffer);

    /// <summary>
    /// A buffer of at least <paramref name="length"/> bytes: <paramref name="buffer"/> when it is large enough, else a
    /// new one with room to spare, so files of growing sizes do not each take a new buffer.
    /// </summary>
    public static byte[] Fit(byte[] buffer, int length) =>
        buffer.Length >= length ? buffer : new byte[Math.Max(length, (int)Math.Min(Math.Max(4096, buffer.Length * 2L), MigrationText.MaxFileBytes))];

    /// <summary>Reads one source with <paramref name="read"/> into <paramref name="buffer"/> and parses it.</summary>
    /// <exception cref="StrataException">The source could not be read or parsed.</exception>
    public static Migration ReadOne(string source, BytesReader read, ref byte[] buffer, bool splitStatements)
    {
        var length = read(source, ref buffer);
        return MigrationParser.Parse(source, buffer.AsSpan(0, length), splitStatements);
    }

    /// <summary>Reads each source with <paramref name="read"/> and parses it, in parallel ranges.</summary>
    /// <param name="sources">The files, in the order errors are chosen by.</param>
    /// <param name="read">Reads one file's bytes; each range of files reuses one buffer.</param>
    /// <param name="splitStatements">Split each file's sections into statements here; when false, on first use.</param>
    /// <param name="cancellationToken">Stops reading between files.</param>
    /// <exception cref="StrataException">The first source, in the order given, that could not be read or parsed.</exception>
    public static Migration[] Read(
        IReadOnlyList<string> sources,
        BytesReader read,
        bool splitStatements,
        CancellationToken cancellationToken)
    {
        var migrations = new Migration[sources.Count];
        ParallelRanges.ForEach(
            sources.Count,
            () =>
            {
                // The bytes are garbage once parsed (the text and the checksum are kept), so one buffer serves the range.
                var buffer = Array.Empty<byte>();
                return index => migrations[index] = ReadOne(sources[index], read, ref buffer, splitStatements);
            },
            cancellationToken);
        return migrations;
    }
}
