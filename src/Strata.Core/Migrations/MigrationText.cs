using System.Buffers;
using System.Globalization;
using System.Text.Unicode;
using Strata.Core.Errors;

namespace Strata.Core.Migrations;

/// <summary>Decodes migration file bytes: strict UTF-8, a leading byte order mark allowed and dropped.</summary>
internal static class MigrationText
{
    /// <summary>
    /// The largest migration file read (16 MiB). Parsing holds a file several times over (bytes, text, statements), so
    /// bulk data belongs in psql or <c>db load</c>, not in a migration. See docs/migration-files.md.
    /// </summary>
    public const long MaxFileBytes = 16L * 1024 * 1024;

    public static string Decode(ReadOnlySpan<byte> bytes, string source)
    {
        var skipped = bytes.Length - WithoutByteOrderMark(bytes).Length;
        bytes = bytes[skipped..];

        var buffer = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            var status = Utf8.ToUtf16(bytes, buffer, out var read, out var written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                throw NotUtf8(bytes, read, skipped, source);
            }

            return new string(buffer, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Drops a leading UTF-8 byte order mark from a file's bytes.</summary>
    public static ReadOnlySpan<byte> WithoutByteOrderMark(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;

    /// <summary>Drops a leading byte order mark from text that was decoded elsewhere.</summary>
    public static string WithoutByteOrderMark(string text) => text.StartsWith('\uFEFF') ? text[1..] : text;

    private static MigrationFileException NotUtf8(ReadOnlySpan<byte> bytes, int offset, int skipped, string source)
    {
        var line = LineOf(bytes, offset);
        var looksUtf16 = bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
        var detail = looksUtf16
            ? "it looks like UTF-16"
            : string.Create(CultureInfo.InvariantCulture, $"byte 0x{bytes[offset]:X2} at byte offset {offset + skipped} is not part of a valid UTF-8 sequence");
        return new MigrationFileException($"{source}:{line}: the file is not valid UTF-8 ({detail}); save it as UTF-8.", source, line);
    }

    private static int LineOf(ReadOnlySpan<byte> bytes, int offset)
    {
        var line = 1;
        for (var i = 0; i < offset; i++)
        {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.Length || bytes[i + 1] != '\n')))
            {
                line++;
            }
        }

        return line;
    }
}
