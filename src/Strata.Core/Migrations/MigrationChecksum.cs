using System.Security.Cryptography;
using System.Text;

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
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(normalized));
        return new MigrationChecksum(Sha256Lf, Convert.ToHexStringLower(digest));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Algorithm}:{Hash}";
}
