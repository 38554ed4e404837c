namespace Strata.Core.Schema;

/// <summary>
/// What <see cref="DriftDetector"/> compares the live database with (the files of the applied versions build the
/// expected schema), and what it leaves out.
/// </summary>
internal sealed record DriftOptions : ScratchComparerOptions
{
    /// <summary>Objects managed outside migrations, left out on both sides with everything that belongs to them.</summary>
    public IReadOnlyList<SchemaPattern> Ignore { get; init; } = [];
}
