using System.Buffers.Binary;
using System.Buffers.Text;

namespace Cruddur.Activities;

/// <summary>
/// The position after which the next feed page starts: the (created_at, uuid) of the last activity shown. Sent to
/// clients as an opaque base64url token; its layout (a format byte, microseconds since 1970 UTC, the uuid's bytes)
/// may change with the format byte.
/// </summary>
public readonly record struct FeedCursor(DateTime CreatedAt, Guid Uuid)
{
    private const byte Format = 1;
    private const int Size = 1 + 8 + 16;

    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[Size];
        bytes[0] = Format;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], (CreatedAt.ToUniversalTime() - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond);
        Uuid.TryWriteBytes(bytes[9..], bigEndian: true, out _);
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryDecode(string text, out FeedCursor cursor)
    {
        cursor = default;
        Span<byte> bytes = stackalloc byte[Size];
        if (text.Length != Base64Url.GetEncodedLength(Size)
            || !Base64Url.TryDecodeFromChars(text, bytes, out var written) || written != Size || bytes[0] != Format)
        {
            return false;
        }

        var micros = BinaryPrimitives.ReadInt64BigEndian(bytes[1..]);
        var ticks = DateTime.UnixEpoch.Ticks + (decimal)micros * TimeSpan.TicksPerMicrosecond;
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        cursor = new FeedCursor(new DateTime((long)ticks, DateTimeKind.Utc), new Guid(bytes[9..], bigEndian: true));
        return true;
    }
}
