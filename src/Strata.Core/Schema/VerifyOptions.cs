namespace Strata.Core.Schema;

/// <summary>What <see cref="MigrationVerifier"/> checks.</summary>
internal sealed record VerifyOptions : ScratchComparerOptions
{
    /// <summary>The seeds directory; its files run on the final schema when it exists.</summary>
    public string? SeedsDirectory { get; init; }

    /// <summary>The schema file (as written by <c>strata db dump</c>) the final schema must equal, when it exists.</summary>
    public string? SchemaFile { get; init; }

    /// <summary>
    /// Where <see cref="SchemaFile"/> was named (<c>STRATA_SCHEMA_FILE</c>, <c>schemaFile in ./strata.json</c>), or null
    /// for the default: a file someone named must exist, while the default one is compared only when it does.
    /// </summary>
    public string? SchemaFileGivenBy { get; init; }
}
