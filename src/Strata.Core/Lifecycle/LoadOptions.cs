namespace Strata.Core.Lifecycle;

/// <summary>Which file <see cref="DatabaseLifecycle.LoadAsync"/> loads.</summary>
internal sealed record LoadOptions
{
    /// <summary>The schema file, as written by <see cref="DatabaseLifecycle.DumpAsync"/> (or plain SQL without psql meta-commands).</summary>
    public required string File { get; init; }
}
