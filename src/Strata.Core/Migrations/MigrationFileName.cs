using Strata.Core.Errors;

namespace Strata.Core.Migrations;

/// <summary>The rules for migration file names: <c>&lt;version&gt;_&lt;description&gt;.sql</c>, version all digits.</summary>
internal static class MigrationFileName
{
    private const string Extension = ".sql";

    /// <summary>
    /// Whether a file is meant to be a migration: a <c>.sql</c> file (in any letter case) whose name starts with a
    /// digit. Other files (<c>schema.sql</c>, README.md, editor backups such as <c>x.sql~</c>, <c>.#x.sql</c> locks)
    /// are not migrations.
    /// </summary>
    public static bool IsCandidate(string fileName) =>
        fileName.Length > 0 && char.IsAsciiDigit(fileName[0]) && fileName.EndsWith(Extension, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether a file that is not a migration looks like one meant to be: a <c>.sql</c> file (<c>add_users.sql</c>, a
    /// version forgotten) or a name that starts with a digit (<c>1_a.sql~</c>, <c>2_b.txt</c>). Skipping those is
    /// worth a warning; other files (README.md, notes.txt) are plainly something else.
    /// </summary>
    public static bool LooksMeantAsMigration(string fileName) =>
        fileName.Length > 0 && (char.IsAsciiDigit(fileName[0]) || fileName.EndsWith(Extension, StringComparison.OrdinalIgnoreCase));

    /// <summary>The file name in a path or resource name, after its last <c>/</c> or <c>\</c>.</summary>
    public static string Of(string source) => source[(source.LastIndexOfAny(['/', '\\']) + 1)..];

    /// <summary>The file name in a path or resource name, as <see cref="Of"/> without a copy.</summary>
    public static ReadOnlySpan<char> SpanOf(string source) => source.AsSpan(source.LastIndexOfAny(['/', '\\']) + 1);

    /// <summary>Reads the version and description from a candidate's name, or throws naming the file.</summary>
    public static (MigrationVersion Version, string Description) Parse(ReadOnlySpan<char> fileName, string source)
    {
        var digits = 0;
        while (digits < fileName.Length && char.IsAsciiDigit(fileName[digits]))
        {
            digits++;
        }

        var rest = fileName[digits..];
        var wellFormed = digits > 0 && rest.EndsWith(Extension, StringComparison.Ordinal) && (rest.SequenceEqual(Extension) || rest[0] == '_');
        if (!wellFormed || !MigrationVersion.TryParse(fileName[..digits].ToString(), out var version))
        {
            throw new MigrationFileException(
                $"{source}: the file name does not match <version>_<description>.sql (version all digits, lowercase .sql, e.g. 20240611093000_add_users.sql); rename the file, or move it out of the migrations directory if it is not a migration.",
                source);
        }

        var description = rest.SequenceEqual(Extension) ? "" : rest[1..^Extension.Length].ToString();
        return (version, description);
    }
}
