namespace Strata.Core.Planning;

/// <summary>The result of <c>validate</c>.</summary>
/// <param name="Problems">Every problem found, by version; empty when the database and the source agree.</param>
public sealed record ValidationResult(IReadOnlyList<ValidationProblem> Problems)
{
    /// <summary>Whether no problem was found.</summary>
    public bool IsValid => Problems.Count == 0;

    /// <summary>
    /// Migrations the history records as interrupted while a run holds the migration lock, one line each: that run is
    /// most likely still applying them. Not problems: they have not stopped, and there is nothing to repair.
    /// </summary>
    public IReadOnlyList<string> Running { get; init; } = [];
}
