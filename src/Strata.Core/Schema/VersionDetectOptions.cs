namespace Strata.Core.Schema;

/// <summary>
/// What <see cref="VersionDetector"/> builds the candidate schemas from (each migration is a candidate version), and
/// whether it records the result.
/// </summary>
internal sealed record VersionDetectOptions : ScratchComparerOptions
{
    /// <summary>Record the exactly matching version's migrations as applied; refused when no single version matches.</summary>
    public bool Apply { get; init; }
}
