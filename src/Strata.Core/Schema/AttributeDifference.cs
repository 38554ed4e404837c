namespace Strata.Core.Schema;

/// <summary>One attribute of an object that differs between two schemas; null where it is unset.</summary>
/// <param name="Name">The attribute, such as <c>default</c> or <c>definition</c>.</param>
/// <param name="Before">Its value in the first schema.</param>
/// <param name="After">Its value in the second schema.</param>
internal sealed record AttributeDifference(string Name, string? Before, string? After);
