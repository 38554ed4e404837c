using System.Buffers.Binary;
using System.Text;

namespace Strata.Core.Data;

/// <summary>
/// Reads, from bytes in memory, what <see cref="BinaryWriter"/> writes: little-endian numbers and strings prefixed with
/// their UTF-8 length in 7-bit groups. A read past the end throws <see cref="EndOfStreamException"/>; a length that is not
/// one throws <see cref="FormatException"/>.
/// </summary>
internal ref struct ByteReader(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _position;

    /// <summary>Whether every byte has been read.</summary>
    public readonly bool AtEnd => _position == _bytes.Length;

    public ReadOnlySpan<byte> Bytes(int count)
    {
        if (count < 0 || count > _bytes.Length - _position)
        {
            throw new EndOfStreamException();
        }

        var span = _bytes.Slice(_position, count);
        _position += count;
        return span;
    }

    public byte Byte() => Bytes(1)[0];

    public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Bytes(sizeof(int)));

    public uint UInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Bytes(sizeof(uint)));

    public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Bytes(sizeof(long)));

    public ulong UInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Bytes(sizeof(ulong)));

    public string String() => Encoding.UTF8.GetString(Bytes(Length()));

    // Seven bits a byte, lowest first, the high bit set on every byte but the last; five bytes at most for an int.
    private int Length()
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var next = Byte();
            value |= (uint)(next & 0x7F) << shift;
            if ((next & 0x80) == 0)
            {
                return value <= int.MaxValue ? (int)value : throw new FormatException("A string length is out of range.");
            }
        }

        throw new FormatException("A string length runs over five bytes.");
    }
}
