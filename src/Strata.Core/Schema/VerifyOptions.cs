namespace Strata.Core.Schema;

/// <summary>What <see cref="MigrationVerifier"/> checks.</summary>
internal sealed record VerifyOptions : ScratchComparerOptions
{
    /// <summary>The seeds directory; its files run on the final schema when it exists.</summary>
    public string? SeedsDirectory { get; init; }

    /// <summary>The schema file (as written by <c>strata db dump</c>) the final schema must equal, when it exists.</summary>
    public string? SchemaFile { get; init; }
}
