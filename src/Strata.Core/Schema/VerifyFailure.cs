using Strata.Core.Errors;

namespace Strata.Core.Schema;

/// <summary>The first thing <c>verify</c> found wrong.</summary>
/// <param name="Step">Which step failed.</param>
/// <param name="Subject">The migration (<c>20240101120000_add_users</c>), schema file or seed file concerned.</param>
/// <param name="Error">The error of a step that failed to run, or null when it ran and left the wrong schema.</param>
/// <param name="Differences">How the schema differs from the expected one: expected first, actual second.</param>
internal sealed record VerifyFailure(VerifyStep Step, string Subject, string? Error, IReadOnlyList<SchemaDifference> Differences)
{
    /// <summary>The error of a step that failed to run, with where it failed (file, line, SQLSTATE); null when it ran.</summary>
    public StrataException? Cause { get; init; }
}
