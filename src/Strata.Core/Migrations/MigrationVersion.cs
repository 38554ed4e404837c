using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Strata.Core.Migrations;

/// <summary>
/// A migration version: a non-empty string of ASCII digits, compared by numeric value (leading zeros ignored), so
/// <c>2</c> sorts before <c>10</c> and timestamps of any length work.
/// </summary>
public readonly record struct MigrationVersion : IComparable<MigrationVersion>
{
    private readonly string? _value;

    private MigrationVersion(string value) => _value = value;

    /// <summary>The version without leading zeros ("0" for zero).</summary>
    public string Value => _value ?? "0";

    /// <summary>Parses an all-digit version, or returns false.</summary>
    public static bool TryParse(string? text, out MigrationVersion version)
    {
        version = default;
        if (string.IsNullOrEmpty(text) || text.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        var trimmed = text.TrimStart('0');
        version = new MigrationVersion(trimmed.Length == 0 ? "0" : trimmed);
        return true;
    }

    /// <summary>Parses an all-digit version or throws <see cref="FormatException"/>.</summary>
    public static MigrationVersion Parse(string text) =>
        TryParse(text, out var version)
            ? version
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"'{text}' is not a migration version: a version is all digits."));

    /// <inheritdoc />
    public int CompareTo(MigrationVersion other)
    {
        var byLength = Value.Length.CompareTo(other.Value.Length);
        return byLength != 0 ? byLength : string.CompareOrdinal(Value, other.Value);
    }

    /// <summary>Whether <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    public static bool operator <(MigrationVersion left, MigrationVersion right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    public static bool operator >(MigrationVersion left, MigrationVersion right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> sorts before or equals <paramref name="right"/>.</summary>
    public static bool operator <=(MigrationVersion left, MigrationVersion right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> sorts after or equals <paramref name="right"/>.</summary>
    public static bool operator >=(MigrationVersion left, MigrationVersion right) => left.CompareTo(right) >= 0;

    /// <summary>
    /// A hash of the digits that is the same in every process (FNV-1a over eight bytes at a time). Versions are hashed
    /// thousands of times a run (every file and every history row, into several sets), and the randomised string hash
    /// the record would use by default is half as much work again; a version is text the project itself chose, not
    /// input an attacker can aim.
    /// </summary>
    public override int GetHashCode()
    {
        const ulong Prime = 1099511628211;
        var bytes = MemoryMarshal.AsBytes(Value.AsSpan());
        var hash = 14695981039346656037 ^ (ulong)bytes.Length;
        for (; bytes.Length >= sizeof(ulong); bytes = bytes[sizeof(ulong)..])
        {
            hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * Prime;
        }

        foreach (var b in bytes)
        {
            hash = (hash ^ b) * Prime;
        }

        return (int)(hash ^ (hash >> 32));
    }

    /// <inheritdoc />
    public override string ToString() => Value;
}
