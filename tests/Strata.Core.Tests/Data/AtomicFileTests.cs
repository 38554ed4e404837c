using System.Diagnostics;
using System.Text;
using Strata.Core.Data;
using Strata.Core.Tests.Migrations;

namespace Strata.Core.Tests.Data;

/// <summary><see cref="AtomicFile"/> replaces a file whole or leaves it as it was, and clears what killed writes left.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class AtomicFileTests
{
    [Fact]
    public async Task Replaces_the_file_keeping_its_permissions_and_leaves_no_temporary_file()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("schema.json", "old");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        await AtomicFile.WriteAsync(file, Encoding.UTF8.GetBytes("new"), CancellationToken.None);

        (await File.ReadAllTextAsync(file)).ShouldBe("new");
        File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, "the file keeps its permissions");
        Directory.GetFiles(directory.Path).Select(Path.GetFileName).ShouldBe(["schema.json"]);
    }

    [Fact]
    public async Task A_write_that_fails_leaves_the_old_file_as_it_was()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("schema.json", "old");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => AtomicFile.WriteAsync(file, Encoding.UTF8.GetBytes("new"), cancelled.Token));

        (await File.ReadAllTextAsync(file)).ShouldBe("old");
        Directory.GetFiles(directory.Path).Select(Path.GetFileName).ShouldBe(["schema.json"]);
    }

    [Fact]
    public async Task The_next_write_removes_what_killed_writes_left_and_keeps_what_live_ones_are_writing()
    {
        using var directory = new TempDirectory();
        var file = Path.Combine(directory.Path, "schema.sql");
        var gone = await ExitedProcessIdAsync();
        var live = Environment.ProcessId;
        var killed = directory.Write(AtomicFile.TemporaryName("schema.sql", gone, "0badf00d"), "half");
        var killedBefore = directory.Write($".schema.sql.{gone}.tmp", "half, named as schema dumps named them before");
        var stale = directory.Write(AtomicFile.TemporaryName("schema.sql", live, "00000001"), "a run before a restart with this id");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow - AtomicFile.AbandonedAfter - TimeSpan.FromMinutes(1));
        var writing = directory.Write(AtomicFile.TemporaryName("schema.sql", live, "00000002"), "being written");
        var otherFile = directory.Write(AtomicFile.TemporaryName("other.sql", gone, "00000003"), "another file's");

        await AtomicFile.WriteAsync(file, Encoding.UTF8.GetBytes("whole"), CancellationToken.None);

        File.Exists(killed).ShouldBeFalse();
        File.Exists(killedBefore).ShouldBeFalse();
        File.Exists(stale).ShouldBeFalse();
        File.Exists(writing).ShouldBeTrue("a live process may still be writing it");
        File.Exists(otherFile).ShouldBeTrue("only the temporary files of the file written are its business");
        (await File.ReadAllTextAsync(file)).ShouldBe("whole");
    }

    [Fact]
    public async Task Create_writes_a_new_file_and_leaves_an_existing_one_alone()
    {
        using var directory = new TempDirectory();
        var taken = directory.Write("1_taken.sql", "theirs");
        var file = Path.Combine(directory.Path, "2_new.sql");

        (await AtomicFile.CreateAsync(taken, Encoding.UTF8.GetBytes("ours"), CancellationToken.None)).ShouldBeFalse();
        (await AtomicFile.CreateAsync(file, Encoding.UTF8.GetBytes("ours"), CancellationToken.None)).ShouldBeTrue();

        (await File.ReadAllTextAsync(taken)).ShouldBe("theirs");
        (await File.ReadAllTextAsync(file)).ShouldBe("ours");
        Directory.GetFiles(directory.Path).Select(Path.GetFileName).Order().ShouldBe(["1_taken.sql", "2_new.sql"]);
    }

    [Fact]
    public async Task A_link_stays_a_link_and_the_file_it_leads_to_is_replaced()
    {
        using var directory = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(directory.Path, "shared"));
        var target = directory.Write(Path.Combine("shared", "schema.sql"), "old");
        var link = Path.Combine(directory.Path, "schema.sql");
        File.CreateSymbolicLink(link, target);

        await AtomicFile.WriteAsync(link, Encoding.UTF8.GetBytes("new"), CancellationToken.None);

        new FileInfo(link).LinkTarget.ShouldBe(target);
        (await File.ReadAllTextAsync(target)).ShouldBe("new");
        Directory.GetFiles(Path.Combine(directory.Path, "shared")).Select(Path.GetFileName).ShouldBe(["schema.sql"]);
    }

    [Fact]
    public async Task A_link_to_a_device_is_written_through_not_renamed_over()
    {
        using var directory = new TempDirectory();
        var link = Path.Combine(directory.Path, "out.html");
        File.CreateSymbolicLink(link, "/dev/null");

        await AtomicFile.WriteAsync(link, Encoding.UTF8.GetBytes("report"), CancellationToken.None);

        new FileInfo(link).LinkTarget.ShouldBe("/dev/null");
        Directory.GetFiles(directory.Path).Select(Path.GetFileName).ShouldBe(["out.html"]);
    }

    private static async Task<int> ExitedProcessIdAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        return process.Id;
    }
}
