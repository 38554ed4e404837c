namespace Strata.Cli.Hosting;

/// <summary>
/// A read-only listing (<c>status</c>, <c>history</c>) allocates a few MiB over a thousand migrations and exits: a
/// collection on the way frees nothing that matters and costs a fifth of the run's CPU. Such a command asks the
/// runtime to leave its first <see cref="Budget"/> bytes uncollected; past them it collects as usual. Commands that
/// apply migrations keep the ordinary budget, which bounds their peak memory. See docs/performance.md.
/// </summary>
internal static class ShortRun
{
    /// <summary>What a listing may allocate before the runtime collects.</summary>
    public const long Budget = 16L << 20;

    /// <summary>Leaves the next <see cref="Budget"/> bytes of this process uncollected, when the runtime allows it.</summary>
    public static void SkipCollections()
    {
        try
        {
            GC.TryStartNoGCRegion(Budget);
        }
        catch (InvalidOperationException)
        {
            // Already in such a region (a second listing in one process): nothing to do.
        }
    }
}
