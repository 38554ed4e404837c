namespace Strata.Core.Migrations;

/// <summary>One parsed migration file.</summary>
/// <param name="Version">The all-digit version from the file name.</param>
/// <param name="Description">The part of the file name after the version, without the extension.</param>
/// <param name="Source">Where the migration came from: a file path, or the resource name of an embedded migration.</param>
/// <param name="Up">The up section; it may have no statement (a no-op that is still recorded as applied).</param>
/// <param name="Down">The down section, or null when the file has none; it may have no statement (then it cannot be rolled back).</param>
/// <param name="Checksum">The checksum of the file's content.</param>
internal sealed record Migration(
    MigrationVersion Version,
    string Description,
    string Source,
    MigrationSection Up,
    MigrationSection? Down,
    MigrationChecksum Checksum)
{
    /// <summary>When the migration runs relative to the deploy, from its up section's line.</summary>
    public MigrationPhase Phase => Up.Options.Phase;

    /// <summary>Splits both sections into statements now, if not done yet.</summary>
    /// <exception cref="Strata.Core.Errors.SqlSyntaxException">A section's SQL cannot be split into statements.</exception>
    /// <exception cref="Strata.Core.Errors.MigrationFileException">A <c>-- strata:batch</c> line is malformed or misplaced.</exception>
    public void SplitStatements()
    {
        Up.SplitStatements();
        Down?.SplitStatements();
    }
}
