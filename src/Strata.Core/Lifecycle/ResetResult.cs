namespace Strata.Core.Lifecycle;

/// <summary>What <see cref="DatabaseLifecycle.ResetAsync"/> did: the drop, then the setup.</summary>
/// <param name="Drop">The drop (not dropped when the database did not exist).</param>
/// <param name="Setup">The setup that followed.</param>
internal sealed record ResetResult(DropResult Drop, SetupResult Setup);
