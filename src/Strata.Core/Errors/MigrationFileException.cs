namespace Strata.Core.Errors;

/// <summary>
/// A migration file breaks the file format: a bad file name, a missing or repeated section, an unknown directive or
/// option, a file that is not UTF-8, or two files with the same version. The message names the file and line.
/// </summary>
public sealed class MigrationFileException : StrataException
{
    /// <summary>Creates the error with a one-line message and the file it refers to.</summary>
    /// <param name="message">The one-line message, already naming the file and line.</param>
    /// <param name="fileName">The file path or embedded resource name of the migration.</param>
    /// <param name="line">The 1-based line the error refers to, or null when it concerns the whole file.</param>
    public MigrationFileException(string message, string fileName, int? line = null)
        : base(message)
    {
        FileName = fileName;
        Line = line;
    }

    /// <summary>The file path or embedded resource name of the migration.</summary>
    public string FileName { get; }

    /// <summary>The 1-based line the error refers to, or null when it concerns the whole file.</summary>
    public int? Line { get; }

    /// <inheritdoc />
    public override string Code => "migration-file";
}
