namespace Strata.Core.Lifecycle;

/// <summary>One seed file that ran and was committed.</summary>
/// <param name="File">The file's path.</param>
/// <param name="Statements">How many statements it holds.</param>
/// <param name="Duration">How long it took, commit included.</param>
internal sealed record SeedFileResult(string File, int Statements, TimeSpan Duration);
