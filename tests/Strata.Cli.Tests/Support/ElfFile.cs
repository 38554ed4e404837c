using System.Buffers.Binary;
using System.Text;

namespace Strata.Cli.Tests.Support;

/// <summary>
/// What a 64-bit little-endian ELF file's headers say about how it loads: its type and its section names, read
/// from the file itself (the layout of the ELF specification) so that a test needs no readelf on the machine.
/// </summary>
public sealed record ElfFile(ushort Type, IReadOnlyList<string> Sections)
{
    /// <summary>ET_EXEC: linked to load at a fixed address, with no relocations of its own data at start.</summary>
    public const ushort FixedAddressExecutable = 2;

    public static ElfFile Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 64 || !bytes.AsSpan(0, 4).SequenceEqual("\u007fELF"u8) || bytes[4] != 2 || bytes[5] != 1)
        {
            throw new InvalidDataException($"{path} is not a 64-bit little-endian ELF file");
        }

        var type = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(16));
        var sectionsAt = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(0x28)));
        var entrySize = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(0x3A));
        var count = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(0x3C));
        var namesIndex = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(0x3E));

        var names = Header(namesIndex);
        var namesAt = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(names[0x18..]));
        var sections = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var nameAt = namesAt + checked((int)BinaryPrimitives.ReadUInt32LittleEndian(Header(i)));
            var end = Array.IndexOf(bytes, (byte)0, nameAt);
            sections.Add(Encoding.ASCII.GetString(bytes, nameAt, end - nameAt));
        }

        return new ElfFile(type, sections);

        ReadOnlySpan<byte> Header(int index) => bytes.AsSpan(sectionsAt + (index * entrySize), entrySize);
    }
}
