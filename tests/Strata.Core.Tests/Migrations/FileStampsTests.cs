using Strata.Core.Migrations;

namespace Strata.Core.Tests.Migrations;

/// <summary>The stamps the checksum cache trusts, read with statx and checked against what .NET says of the same file.</summary>
public sealed class FileStampsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public void A_regular_file_has_its_size_and_modification_time_in_its_stamp()
    {
        var path = _directory.Write("1_one.sql", "-- migrate:up\nSELECT 1;\n");
        using var stamps = FileStamps.Open(_directory.Path);

        var stamp = stamps.Of("1_one.sql").ShouldNotBeNull();

        stamp.Size.ShouldBe(new FileInfo(path).Length);
        DateTimeOffset.FromUnixTimeSeconds(stamp.ModifiedSeconds).UtcDateTime.ShouldBe(File.GetLastWriteTimeUtc(path), TimeSpan.FromSeconds(1));
        stamp.Inode.ShouldNotBe(0UL);
    }

    [Fact]
    public void Rewriting_a_file_with_the_same_bytes_and_its_old_modification_time_still_changes_its_stamp()
    {
        var path = _directory.Write("1_one.sql", "-- migrate:up\nSELECT 1;\n");
        var modified = File.GetLastWriteTimeUtc(path);
        using var stamps = FileStamps.Open(_directory.Path);
        var before = stamps.Of("1_one.sql");
        Thread.Sleep(20);

        File.WriteAllText(path, "-- migrate:up\nSELECT 1;\n");
        File.SetLastWriteTimeUtc(path, modified);

        stamps.Of("1_one.sql").ShouldNotBe(before);
    }

    [Fact]
    public void A_directory_or_a_missing_name_has_no_stamp()
    {
        Directory.CreateDirectory(Path.Combine(_directory.Path, "2_folder.sql"));
        using var stamps = FileStamps.Open(_directory.Path);

        stamps.Of("2_folder.sql").ShouldBeNull();
        stamps.Of("3_missing.sql").ShouldBeNull();
    }

    [Fact]
    public void A_directory_that_cannot_be_opened_gives_no_stamps()
    {
        _directory.Write("1_one.sql", "-- migrate:up\nSELECT 1;\n");
        using var stamps = FileStamps.Open(Path.Combine(_directory.Path, "missing"));

        stamps.Of("1_one.sql").ShouldBeNull();
    }

    [Theory]
    [InlineData(1_700_000_000, 0, false)]
    [InlineData(1_700_000_001, 499_000_000, false)]
    [InlineData(1_700_000_001, 500_000_001, true)]
    [InlineData(1_700_000_003, 0, true)]
    [InlineData(long.MaxValue, 0, true)]
    public void A_stamp_is_recent_when_it_changed_within_the_margin_to_the_nanosecond(long changedSeconds, uint changedNanoseconds, bool recent)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_003).AddMilliseconds(500);
        var stamp = new FileStamp(1, 0, 0, changedSeconds, changedNanoseconds, 1, 1);

        stamp.IsRecent(now, TimeSpan.FromSeconds(2)).ShouldBe(recent);
    }

    public void Dispose() => _directory.Dispose();
}
