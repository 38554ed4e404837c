namespace Strata.Core.Lifecycle;

/// <summary>Where <see cref="DatabaseLifecycle.DumpAsync"/> writes the schema.</summary>
internal sealed record DumpOptions
{
    /// <summary>The conventional schema file, relative to the project directory.</summary>
    public const string DefaultFile = "db/schema.sql";

    /// <summary>The file to write (its directory is created); it is replaced only once the dump succeeded.</summary>
    public required string File { get; init; }
}
