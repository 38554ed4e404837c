using Strata.Core.Errors;
using Strata.Core.Migrations;

namespace Strata.Core.Planning;

/// <summary>One problem found by <c>validate</c>.</summary>
/// <param name="Kind">What kind of problem it is.</param>
/// <param name="Version">The migration concerned.</param>
/// <param name="Message">One line saying what is wrong and what to do.</param>
public sealed record ValidationProblem(ValidationProblemKind Kind, MigrationVersion Version, string Message)
{
    /// <summary>What to do about it, as data each front end words itself.</summary>
    public NextStep? NextStep { get; init; }
}
