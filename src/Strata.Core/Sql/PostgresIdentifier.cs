using System.Text;

namespace Strata.Core.Sql;

/// <summary>
/// PostgreSQL's limit on a name (NAMEDATALEN - 1 bytes). The server silently truncates a longer name, so that two
/// different names can become one; Strata refuses them instead.
/// </summary>
internal static class PostgresIdentifier
{
    /// <summary>The most bytes a name may have, in UTF-8.</summary>
    public const int MaxBytes = 63;

    /// <summary>Whether <paramref name="name"/> is at most <see cref="MaxBytes"/> bytes in UTF-8.</summary>
    public static bool Fits(string name) => Encoding.UTF8.GetByteCount(name) <= MaxBytes;
}
