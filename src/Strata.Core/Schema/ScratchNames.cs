using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Strata.Core.Schema;

/// <summary>
/// The names of scratch databases: <c>strata_scratch_</c>, the time the database was created (UTC, by the server's
/// clock, <c>yyyyMMddHHmmss</c>), the process id and eight random hex digits. The time lets a later run tell a database
/// that a killed run left behind from one still in use.
/// </summary>
internal static partial class ScratchNames
{
    /// <summary>A regular expression, for the server's <c>~</c> as for .NET, that only the names <see cref="New"/> gives match.</summary>
    public const string Pattern = "^strata_scratch_([0-9]{14})_[0-9]+_[0-9a-f]{8}$";

    private const string TimeFormat = "yyyyMMddHHmmss";

    /// <summary>A new name for a database created at <paramref name="createdUtc"/>.</summary>
    public static string New(DateTime createdUtc) =>
        $"strata_scratch_{createdUtc.ToString(TimeFormat, CultureInfo.InvariantCulture)}_{Environment.ProcessId}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";

    /// <summary>When the database named <paramref name="name"/> was created (UTC), or null when <see cref="New"/> did not give the name.</summary>
    public static DateTime? CreatedAt(string name) =>
        Name().Match(name) is { Success: true } match
        && DateTime.TryParseExact(match.Groups[1].Value, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var created)
            ? created
            : null;

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
