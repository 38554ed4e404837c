using System.Text;
using Strata.Core.Data;

namespace Strata.Core.Tests.Data;

public sealed class Sha256Tests
{
    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void Gives_the_published_digests_of_the_standard_examples(string message, string digest) =>
        Convert.ToHexStringLower(Sha256.HashData(Encoding.ASCII.GetBytes(message))).ShouldBe(digest);

    [Fact]
    public void Agrees_with_the_runtime_on_every_length_around_one_and_two_blocks_and_on_large_inputs()
    {
        var random = new Random(20241205);
        int[] lengths = [.. Enumerable.Range(0, 200), 447, 448, 511, 512, 513, 4095, 4096, 4097, 65_536, 1_000_003];
        foreach (var length in lengths)
        {
            var data = new byte[length];
            random.NextBytes(data);

            Sha256.HashData(data).ShouldBe(System.Security.Cryptography.SHA256.HashData(data), $"length {length}");
        }
    }

    [Fact]
    public void Agrees_with_the_runtime_on_a_million_repeated_bytes()
    {
        var data = Enumerable.Repeat((byte)'a', 1_000_000).ToArray();

        Convert.ToHexStringLower(Sha256.HashData(data)).ShouldBe("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }
}
