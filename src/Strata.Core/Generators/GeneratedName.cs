using System.Text;
using Strata.Core.Data;
using Strata.Core.Sql;

namespace Strata.Core.Generators;

/// <summary>
/// Names of the triggers, functions, constraints and indexes the generators create: the parts joined by
/// underscores, and when that exceeds PostgreSQL's 63-byte limit (which would silently truncate it, possibly onto
/// another object's name), shortened with a hash of the full name so distinct names stay distinct.
/// </summary>
internal static class GeneratedName
{
    private const int HashLength = 8;

    public static string Of(params string[] parts)
    {
        var full = string.Join('_', parts);
        if (SqlIdentifier.ByteCount(full) <= PostgresIdentifier.MaxBytes)
        {
            return full;
        }

        var hash = Convert.ToHexStringLower(Sha256.HashData(Encoding.UTF8.GetBytes(full)))[..HashLength];
        var budget = PostgresIdentifier.MaxBytes - HashLength - 1;
        var prefix = new StringBuilder();
        foreach (var rune in full.EnumerateRunes())
        {
            if (Encoding.UTF8.GetByteCount(prefix.ToString()) + rune.Utf8SequenceLength > budget)
            {
                break;
            }

            prefix.Append(rune.ToString());
        }

        return prefix.ToString().TrimEnd('_') + "_" + hash;
    }
}
