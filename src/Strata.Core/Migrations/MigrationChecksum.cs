using System.Text;
using Strata.Core.Data;

namespace Strata.Core.Migrations;

/// <summary>
/// The checksum of a migration file: SHA-256 of its UTF-8 content with line endings normalized to LF, so a checkout
/// with CRLF line endings does not look edited. The algorithm id is stored beside the hash so it can change later.
/// </summary>
/// <param name="Algorithm">The algorithm id; <see cref="Sha256Lf"/> for every checksum Strata writes today.</param>
/// <param name="Hash">The lowercase hexadecimal digest.</param>
public sealed record MigrationChecksum(string Algorithm, string Hash)
{
    /// <summary>SHA-256 over LF-normalized UTF-8 text.</summary>
    public const string Sha256Lf = "sha256-lf";

    /// <summary>Computes the checksum of a migration file's text.</summary>
    public static MigrationChecksum Compute(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var normalized = content.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return FromDigest(Sha256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }

    /// <summary>
    /// Computes the checksum of a file read as bytes, given the bytes (without a byte order mark) and the text they
    /// were strictly decoded to. Without a carriage return the normalized text encodes back to exactly these bytes, so
    /// they are hashed as they are, without a copy; otherwise the text is normalized first.
    /// </summary>
    internal static MigrationChecksum Compute(ReadOnlySpan<byte> utf8, string decoded) =>
        utf8.Contains((byte)'\r') ? Compute(decoded) : FromDigest(Sha256.HashData(utf8));

    private static MigrationChecksum FromDigest(byte[] digest) => new(Sha256Lf, Convert.ToHexStringLower(digest));

    /// <inheritdoc />
    public override string ToString() => $"{Algorithm}:{Hash}";
}
