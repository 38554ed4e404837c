namespace Strata.Core.Planning;

/// <summary>The result of <c>validate</c>.</summary>
/// <param name="Problems">Every problem found, by version; empty when the database and the source agree.</param>
public sealed record ValidationResult(IReadOnlyList<ValidationProblem> Problems)
{
    /// <summary>Whether no problem was found.</summary>
    public bool IsValid => Problems.Count == 0;
}
