using Strata.Core.Errors;

namespace Strata.Core.Migrations;

/// <summary>One parsed migration file.</summary>
internal sealed record Migration
{
    private readonly Func<string, Migration>? _read;
    private Sections? _sections;

    private Migration(MigrationVersion version, string description, string source, MigrationChecksum checksum, MigrationPhase phase)
    {
        Version = version;
        Description = description;
        Source = source;
        Checksum = checksum;
        Phase = phase;
    }

    /// <summary>A migration whose file has been read and parsed.</summary>
    /// <param name="version">The all-digit version from the file name.</param>
    /// <param name="description">The part of the file name after the version, without the extension.</param>
    /// <param name="source">A file path, or the resource name of an embedded migration.</param>
    /// <param name="up">The up section; it may have no statement (a no-op that is still recorded as applied).</param>
    /// <param name="down">The down section, or null when the file has none; it may have no statement (then it cannot be rolled back).</param>
    /// <param name="checksum">The checksum of the file's content.</param>
    public Migration(MigrationVersion version, string description, string source, MigrationSection up, MigrationSection? down, MigrationChecksum checksum)
        : this(version, description, source, checksum, up.Options.Phase)
    {
        _sections = new Sections(up, down);
    }

    /// <summary>
    /// A migration known from its checksum cache without reading its file: its sections are read by
    /// <paramref name="read"/>, given <paramref name="source"/>, the first time they are asked for, and must give the
    /// same checksum.
    /// </summary>
    public Migration(MigrationVersion version, string description, string source, MigrationChecksum checksum, MigrationPhase phase, Func<string, Migration> read)
        : this(version, description, source, checksum, phase)
    {
        _read = read;
    }

    /// <summary>The all-digit version from the file name.</summary>
    public MigrationVersion Version { get; }

    /// <summary>The part of the file name after the version, without the extension.</summary>
    public string Description { get; }

    /// <summary>Where the migration came from: a file path, or the resource name of an embedded migration.</summary>
    public string Source { get; }

    /// <summary>The checksum of the file's content.</summary>
    public MigrationChecksum Checksum { get; }

    /// <summary>The up section; it may have no statement (a no-op that is still recorded as applied).</summary>
    /// <exception cref="MigrationFileException">The file, read now, changed since its checksum was taken.</exception>
    public MigrationSection Up => Read().Up;

    /// <summary>The down section, or null when the file has none; it may have no statement (then it cannot be rolled back).</summary>
    /// <exception cref="MigrationFileException">The file, read now, changed since its checksum was taken.</exception>
    public MigrationSection? Down => Read().Down;

    /// <summary>When the migration runs relative to the deploy, from its up section's line.</summary>
    public MigrationPhase Phase { get; }

    /// <summary>False while a migration known from the checksum cache has not had its file read.</summary>
    public bool IsRead => _sections is not null;

    /// <summary>Reads the file of a migration known from the checksum cache now, if not done yet.</summary>
    /// <exception cref="MigrationFileException">The file changed since its checksum was taken.</exception>
    public void ReadFile() => Read();

    /// <summary>Splits both sections into statements now, if not done yet.</summary>
    /// <exception cref="SqlSyntaxException">A section's SQL cannot be split into statements.</exception>
    /// <exception cref="MigrationFileException">A <c>-- strata:batch</c> line is malformed or misplaced.</exception>
    public void SplitStatements()
    {
        Up.SplitStatements();
        Down?.SplitStatements();
    }

    // Two threads asking at once may both read the file; either result serves, as both match the checksum.
    private Sections Read()
    {
        if (_sections is { } sections)
        {
            return sections;
        }

        var read = _read!(Source);
        if (read.Checksum != Checksum)
        {
            throw new MigrationFileException(
                $"{Source}: the file changed while Strata was running (its checksum was {Checksum.Hash[..12]}, it is now {read.Checksum.Hash[..12]}); run the command again.",
                Source);
        }

        return _sections = read._sections!;
    }

    private sealed record Sections(MigrationSection Up, MigrationSection? Down);
}
