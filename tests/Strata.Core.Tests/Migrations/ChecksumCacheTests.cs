using Microsoft.Extensions.Logging.Abstractions;
using Strata.Core.Errors;
using Strata.Core.Migrations;

namespace Strata.Core.Tests.Migrations;

/// <summary>
/// A directory of many files keeps the checksums of the files it has read, under each file's stamp, so an unchanged
/// file is not read again by up and status (see docs/performance.md). These check that a cached checksum is only ever
/// used for a file that has not changed.
/// </summary>
public sealed class ChecksumCacheTests : IDisposable
{
    private const int Files = ChecksumCache.MinimumFiles + 6;
    private readonly TempDirectory _migrations = new();
    private readonly TempDirectory _cache = new();

    public ChecksumCacheTests()
    {
        for (var i = 1; i <= Files; i++)
        {
            _migrations.Write($"{i:D4}_table_{i}.sql", $"-- migrate:up\nCREATE TABLE t{i} (id int);\n-- migrate:down\nDROP TABLE t{i};\n");
        }
    }

    [Fact]
    public async Task A_second_load_knows_every_unchanged_file_without_reading_it()
    {
        var first = await LoadAsync();
        var second = await LoadAsync();

        first.ShouldAllBe(m => m.IsRead);
        second.ShouldAllBe(m => !m.IsRead);
        second.Select(m => m.Checksum).ShouldBe(first.Select(m => m.Checksum));
        second.Select(m => (m.Version, m.Description, m.Source, m.Phase)).ShouldBe(first.Select(m => (m.Version, m.Description, m.Source, m.Phase)));
    }

    [Fact]
    public async Task A_known_file_is_read_when_its_sections_are_asked_for()
    {
        await LoadAsync();
        var known = (await LoadAsync())[4];

        known.Up.Statements.Single().Text.ShouldBe("CREATE TABLE t5 (id int);");
        known.Down!.Statements.Single().Text.ShouldBe("DROP TABLE t5;");
        known.IsRead.ShouldBeTrue();
    }

    [Fact]
    public async Task A_file_edited_to_the_same_size_with_its_modification_time_put_back_is_read_again()
    {
        var before = await LoadAsync();
        var path = Path.Combine(_migrations.Path, "0007_table_7.sql");
        var modified = File.GetLastWriteTimeUtc(path);
        File.WriteAllText(path, File.ReadAllText(path).Replace("t7 (id int)", "t7 (id INT)", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, modified);

        var after = await LoadAsync();

        after[6].IsRead.ShouldBeTrue();
        after[6].Checksum.ShouldNotBe(before[6].Checksum);
        after.Where((_, i) => i != 6).ShouldAllBe(m => !m.IsRead);
    }

    [Fact]
    public async Task A_file_changed_just_now_is_not_cached_until_its_change_is_older()
    {
        await LoadAsync(clock: new FixedClock(DateTimeOffset.UtcNow));
        var soon = await LoadAsync(clock: new FixedClock(DateTimeOffset.UtcNow));

        // Written within the same clock tick, a second change could keep the stamp: such a stamp is not trusted yet.
        soon.ShouldAllBe(m => m.IsRead);
        (await LoadAsync()).ShouldAllBe(m => m.IsRead);
        (await LoadAsync()).ShouldAllBe(m => !m.IsRead);
    }

    [Fact]
    public async Task A_file_that_changes_after_it_was_known_is_refused_when_its_sections_are_read()
    {
        await LoadAsync();
        var known = (await LoadAsync())[2];
        File.AppendAllText(known.Source, "SELECT 1;\n");

        var error = Should.Throw<MigrationFileException>(() => known.Up);

        error.Message.ShouldStartWith($"{known.Source}: the file changed while Strata was running");
    }

    [Fact]
    public async Task A_damaged_cache_is_ignored_and_written_again()
    {
        await LoadAsync();
        var file = Directory.GetFiles(_cache.Path).Single();
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);

        (await LoadAsync()).ShouldAllBe(m => m.IsRead);
        (await LoadAsync()).ShouldAllBe(m => !m.IsRead);
    }

    [Theory]
    [InlineData("cut at 0", "cut short or damaged")]
    [InlineData("cut at 5", "cut short or damaged")]
    [InlineData("cut at 13", "cut short or damaged")]
    [InlineData("cut in half", "cut short or damaged")]
    [InlineData("cut by one", "cut short or damaged")]
    [InlineData("one byte more", "bytes after its last entry")]
    [InlineData("another magic", "not a checksum cache of this format")]
    public async Task A_damaged_cache_is_named_and_not_used(string damage, string reason)
    {
        await LoadAsync();
        var file = Directory.GetFiles(_cache.Path).Single();
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, damage switch
        {
            "cut at 0" => [],
            "cut at 5" => bytes[..5],
            "cut at 13" => bytes[..13],
            "cut in half" => bytes[..(bytes.Length / 2)],
            "cut by one" => bytes[..^1],
            "one byte more" => [.. bytes, 0],
            _ => [(byte)'X', .. bytes[1..]],
        });
        var reasons = new List<string>();

        var cache = ChecksumCache.Open(_cache.Path, Path.GetFullPath(_migrations.Path), (_, why) => reasons.Add(why));

        cache.Count.ShouldBe(0);
        reasons.ShouldBe([reason]);
    }

    [Fact]
    public async Task A_cache_directory_that_cannot_be_written_leaves_the_files_read_as_without_one()
    {
        var blocked = _cache.Write("not-a-directory", "a file where the cache directory would be");

        var first = await LoadAsync(cacheDirectory: blocked);
        var second = await LoadAsync(cacheDirectory: blocked);

        first.ShouldAllBe(m => m.IsRead);
        second.ShouldAllBe(m => m.IsRead);
        second.Select(m => m.Checksum).ShouldBe(first.Select(m => m.Checksum));
    }

    [Fact]
    public async Task A_temporary_file_a_killed_run_left_is_removed_by_the_next_write_and_one_being_written_is_not()
    {
        await LoadAsync();
        var cache = Directory.GetFiles(_cache.Path).Single();
        var left = $"{cache}.4242.{Guid.NewGuid():N}.tmp";
        var writing = $"{cache}.4243.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(left, "half a cache");
        File.WriteAllText(writing, "half a cache");
        File.SetLastWriteTimeUtc(left, DateTime.UtcNow.AddHours(-2));
        _migrations.Write("9999_added.sql", "-- migrate:up\nSELECT 1;\n");

        // Half an hour on: the file being written is younger than the hour after which a temporary file is abandoned.
        await LoadAsync(clock: new FixedClock(DateTimeOffset.UtcNow.AddMinutes(30)));

        File.Exists(left).ShouldBeFalse();
        File.Exists(writing).ShouldBeTrue();
    }

    [Fact]
    public async Task A_removed_file_is_not_known_and_an_added_one_is_read()
    {
        await LoadAsync();
        File.Delete(Path.Combine(_migrations.Path, "0003_table_3.sql"));
        _migrations.Write("9999_added.sql", "-- migrate:up\nSELECT 1;\n");

        var after = await LoadAsync();

        after.Select(m => m.Version.Value).ShouldNotContain("0003");
        after.Single(m => m.Version.Value == "9999").IsRead.ShouldBeTrue();
        after.Count(m => m.IsRead).ShouldBe(1);
    }

    [Fact]
    public async Task A_small_directory_keeps_no_cache()
    {
        using var small = new TempDirectory();
        small.Write("1_one.sql", "-- migrate:up\nSELECT 1;\n");
        var source = new DirectoryMigrationSource(small.Path) { CacheDirectory = _cache.Path, Clock = new FixedClock(DateTimeOffset.UtcNow.AddHours(1)) };

        await source.LoadAsync(NullLogger.Instance, splitStatements: false, CancellationToken.None);

        Directory.GetFiles(_cache.Path).ShouldBeEmpty();
    }

    [Fact]
    public async Task Loading_with_every_file_split_neither_uses_nor_writes_the_cache()
    {
        var source = Source(_cache.Path, new FixedClock(DateTimeOffset.UtcNow.AddHours(1)));

        var migrations = await source.LoadAsync(NullLogger.Instance, splitStatements: true, CancellationToken.None);

        migrations.ShouldAllBe(m => m.IsRead);
        Directory.GetFiles(_cache.Path).ShouldBeEmpty();
    }

    public void Dispose()
    {
        _migrations.Dispose();
        _cache.Dispose();
    }

    // By default the clock stands an hour ahead, so the files this test just wrote are old enough to be cached.
    private Task<IReadOnlyList<Migration>> LoadAsync(string? cacheDirectory = null, TimeProvider? clock = null) =>
        Source(cacheDirectory ?? _cache.Path, clock ?? new FixedClock(DateTimeOffset.UtcNow.AddHours(1)))
            .LoadAsync(NullLogger.Instance, splitStatements: false, CancellationToken.None);

    private DirectoryMigrationSource Source(string cacheDirectory, TimeProvider clock) =>
        new(_migrations.Path) { CacheDirectory = cacheDirectory, Clock = clock };

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
