using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands;

/// <summary>
/// Through the command: status and up know unchanged files from the checksum cache, and an applied file edited since
/// (to the same size, its modification time put back) is still refused as edited. See docs/performance.md.
/// </summary>
public sealed class ChecksumCacheCommandTests
{
    [Fact]
    public async Task A_file_edited_after_it_was_cached_is_refused_as_edited_and_the_others_are_not_read()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(70);
        using var cache = new TempDirectory();
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url).With("STRATA_CACHE_DIR", cache.Path);
        (await cli.RunAsync("up")).ExitCode.ShouldBe(0);

        // A stamp younger than two seconds is never cached (a second change within the same clock tick could keep it).
        // What up cached depends on how long it took, so the cache starts empty once every stamp is old enough.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Directory.Delete(cache.Path, recursive: true);
        var first = await cli.RunAsync("status", "--verbose");
        var second = await cli.RunAsync("status", "--verbose");
        var edited = Path.Combine(files.Path, "1005_create_t5.sql");
        var modified = File.GetLastWriteTimeUtc(edited);
        File.WriteAllText(edited, File.ReadAllText(edited).Replace("name text", "name TEXT", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(edited, modified);
        var refused = await cli.RunAsync("up", "--verbose");
        var off = await cli.With("STRATA_CACHE_DIR", "off").RunAsync("status", "--verbose");

        first.ExitCode.ShouldBe(0, first.ToString());
        first.Stderr.ShouldContain("Knew 0 of 70 migration files");
        second.Stderr.ShouldContain("Knew 70 of 70 migration files", customMessage: second.ToString());
        refused.ExitCode.ShouldBe(5, refused.ToString());
        refused.Stderr.ShouldContain("Knew 69 of 70 migration files");
        refused.Stderr.ShouldContain("allow edited migrations to accept the new checksum.");
        off.Stderr.ShouldNotContain("checksum cache");
        off.Stdout.ShouldContain("edited");
    }
}
