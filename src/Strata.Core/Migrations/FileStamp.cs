namespace Strata.Core.Migrations;

/// <summary>
/// What the file system says of a file without reading it: size, inode, device, and the times of its last content
/// change (mtime) and last change of any kind (ctime). A write, a rename into place or an extraction moves the ctime,
/// and no tool sets it back, so an equal stamp means the content has not changed since the stamp was taken (the rule
/// git's index relies on). <see cref="FileStamps"/> reads them.
/// </summary>
internal readonly record struct FileStamp(long Size, long ModifiedSeconds, uint ModifiedNanoseconds, long ChangedSeconds, uint ChangedNanoseconds, ulong Inode, ulong Device)
{
    /// <summary>
    /// True when the file changed less than <paramref name="margin"/> before <paramref name="now"/> (or claims a later
    /// time): a timestamp has a granularity of a clock tick, so a second change within the same tick could keep the
    /// stamp, and such a stamp is not trusted until it is older.
    /// </summary>
    public bool IsRecent(DateTimeOffset now, TimeSpan margin)
    {
        // Compared as seconds and nanoseconds: a file may carry any time at all, even one no DateTimeOffset holds.
        var limit = now - margin;
        var seconds = limit.ToUnixTimeSeconds();
        var nanoseconds = limit.UtcTicks % TimeSpan.TicksPerSecond * TimeSpan.NanosecondsPerTick;
        return After(ChangedSeconds, ChangedNanoseconds) || After(ModifiedSeconds, ModifiedNanoseconds);

        bool After(long s, uint ns) => s > seconds || (s == seconds && ns > nanoseconds);
    }
}
