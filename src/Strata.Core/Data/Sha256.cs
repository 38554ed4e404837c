using System.Buffers.Binary;
using System.Numerics;

namespace Strata.Core.Data;

/// <summary>
/// SHA-256 (FIPS 180-4) in managed code. The runtime's own SHA-256 calls OpenSSL on Linux, and loading, linking and
/// initialising libcrypto costs a run about a millisecond of CPU and 3 MiB of memory, when all Strata hashes is a
/// few hundred small migration files (checksums, not secrets) and a connection without TLS never needs OpenSSL.
/// The digests are the same: tests compare them with the runtime's on inputs of every length around the block size.
/// </summary>
internal static class Sha256
{
    /// <summary>The digest's length in bytes.</summary>
    public const int HashSizeInBytes = 32;

    private const int BlockSize = 64;

    // The first 32 bits of the fractional parts of the cube roots of the first 64 primes (FIPS 180-4, 4.2.2).
    private static ReadOnlySpan<uint> RoundConstants =>
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    // The first 32 bits of the fractional parts of the square roots of the first 8 primes (FIPS 180-4, 5.3.3).
    private static ReadOnlySpan<uint> InitialState =>
        [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

    /// <summary>The SHA-256 digest of <paramref name="data"/>.</summary>
    public static byte[] HashData(ReadOnlySpan<byte> data)
    {
        Span<uint> state = stackalloc uint[8];
        InitialState.CopyTo(state);
        Span<uint> schedule = stackalloc uint[64];

        var whole = data.Length - (data.Length % BlockSize);
        for (var offset = 0; offset < whole; offset += BlockSize)
        {
            Compress(state, data.Slice(offset, BlockSize), schedule);
        }

        // The padding: a 1 bit, zeros, and the message length in bits, filling one block or spilling into a second.
        var rest = data[whole..];
        Span<byte> tail = stackalloc byte[2 * BlockSize];
        tail.Clear();
        rest.CopyTo(tail);
        tail[rest.Length] = 0x80;
        var tailLength = rest.Length + 1 + sizeof(ulong) <= BlockSize ? BlockSize : 2 * BlockSize;
        BinaryPrimitives.WriteUInt64BigEndian(tail[(tailLength - sizeof(ulong))..], (ulong)data.Length * 8);
        for (var offset = 0; offset < tailLength; offset += BlockSize)
        {
            Compress(state, tail.Slice(offset, BlockSize), schedule);
        }

        var digest = new byte[HashSizeInBytes];
        for (var i = 0; i < state.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(digest.AsSpan(i * 4), state[i]);
        }

        return digest;
    }

    private static void Compress(Span<uint> state, ReadOnlySpan<byte> block, Span<uint> schedule)
    {
        for (var t = 0; t < 16; t++)
        {
            schedule[t] = BinaryPrimitives.ReadUInt32BigEndian(block[(t * 4)..]);
        }

        for (var t = 16; t < 64; t++)
        {
            var w15 = schedule[t - 15];
            var w2 = schedule[t - 2];
            var sigma0 = BitOperations.RotateRight(w15, 7) ^ BitOperations.RotateRight(w15, 18) ^ (w15 >> 3);
            var sigma1 = BitOperations.RotateRight(w2, 17) ^ BitOperations.RotateRight(w2, 19) ^ (w2 >> 10);
            schedule[t] = unchecked(schedule[t - 16] + sigma0 + schedule[t - 7] + sigma1);
        }

        uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
        var constants = RoundConstants;
        for (var t = 0; t < 64; t++)
        {
            var sum1 = BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25);
            var choose = (e & f) ^ (~e & g);
            var t1 = unchecked(h + sum1 + choose + constants[t] + schedule[t]);
            var sum0 = BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22);
            var majority = (a & b) ^ (a & c) ^ (b & c);
            var t2 = unchecked(sum0 + majority);
            h = g;
            g = f;
            f = e;
            e = unchecked(d + t1);
            d = c;
            c = b;
            b = a;
            a = unchecked(t1 + t2);
        }

        unchecked
        {
            state[0] += a;
            state[1] += b;
            state[2] += c;
            state[3] += d;
            state[4] += e;
            state[5] += f;
            state[6] += g;
            state[7] += h;
        }
    }
}
