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
            // Without the full blocking collection the runtime would otherwise run first to make room: it cost status
            // over 1,000 migrations about a millisecond of CPU, where that run collects nothing anyway. A listing that
            // has just started has the room; over 3,000 migrations the region still saves two collections (2.5 ms).
            GC.TryStartNoGCRegion(Budget, disallowFullBlockingGC: true);
        }
        catch (InvalidOperationException)
        {
            // Already in such a region (a second listing in one process): nothing to do.
        }
    }
}
