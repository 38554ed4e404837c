using System.Text;
using Strata.Core.Data;

namespace Strata.Core.Tests.Data;

/// <summary><see cref="ByteReader"/> reads back what <see cref="BinaryWriter"/> wrote, and refuses bytes it did not.</summary>
public sealed class ByteReaderTests
{
    [Fact]
    public void Reads_back_every_value_BinaryWriter_writes()
    {
        var longText = new string('x', 300) + "é";
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write((byte)7);
            writer.Write(-5);
            writer.Write(uint.MaxValue);
            writer.Write(long.MinValue);
            writer.Write(ulong.MaxValue);
            writer.Write("");
            writer.Write("0001_crème_brûlée.sql");
            writer.Write(longText);
            writer.Write(new byte[] { 1, 2, 3 });
        }

        var reader = new ByteReader(stream.ToArray());

        reader.Byte().ShouldBe((byte)7);
        reader.Int32().ShouldBe(-5);
        reader.UInt32().ShouldBe(uint.MaxValue);
        reader.Int64().ShouldBe(long.MinValue);
        reader.UInt64().ShouldBe(ulong.MaxValue);
        reader.String().ShouldBe("");
        reader.String().ShouldBe("0001_crème_brûlée.sql");
        reader.String().ShouldBe(longText);
        reader.Bytes(3).ToArray().ShouldBe([1, 2, 3]);
        reader.AtEnd.ShouldBeTrue();
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3 }, "Int32")]
    [InlineData(new byte[] { 5, (byte)'a', (byte)'b' }, "String")]
    [InlineData(new byte[] { 0x80 }, "String")]
    [InlineData(new byte[] { }, "Byte")]
    public void A_read_past_the_end_throws_end_of_stream(byte[] bytes, string read) =>
        Should.Throw<EndOfStreamException>(() => Read(bytes, read));

    [Theory]
    [InlineData(new byte[] { 0x80, 0x80, 0x80, 0x80, 0x80, 0x01 })]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x0F })]
    public void A_length_that_is_no_int_throws_format(byte[] bytes) =>
        Should.Throw<FormatException>(() => Read(bytes, "String"));

    private static void Read(byte[] bytes, string read)
    {
        var reader = new ByteReader(bytes);
        _ = read switch
        {
            "Int32" => reader.Int32(),
            "String" => reader.String().Length,
            _ => reader.Byte(),
        };
    }
}
