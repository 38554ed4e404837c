using Strata.Cli.Commands;
using Strata.Cli.Tests.Support;
using Strata.Core.Errors;
using Strata.Core.Generators;

namespace Strata.Cli.Tests.Commands;

/// <summary>The files of <c>strata new</c> appear all, whole, or none.</summary>
public sealed class GeneratedFilesTests
{
    private static readonly GeneratedMigration[] Sequence =
    [
        new("20261206100000_expand.sql", "-- migrate:up\nSELECT 1;\n"),
        new("20261206100001_contract.sql", "-- migrate:up\nSELECT 2;\n"),
    ];

    [Fact]
    public async Task Writes_every_file_of_the_sequence()
    {
        using var directory = new TempDirectory();
        var migrations = Path.Combine(directory.Path, "db", "migrations");

        var paths = await GeneratedFiles.WriteAsync(migrations, Sequence, CancellationToken.None);

        paths.Select(Path.GetFileName).ShouldBe(["20261206100000_expand.sql", "20261206100001_contract.sql"]);
        (await File.ReadAllTextAsync(paths[1])).ShouldBe("-- migrate:up\nSELECT 2;\n");
        Directory.GetFiles(migrations).Length.ShouldBe(2, "no temporary file is left");
    }

    [Fact]
    public async Task A_cancelled_run_leaves_no_file_not_even_an_empty_one()
    {
        using var directory = new TempDirectory();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => GeneratedFiles.WriteAsync(directory.Path, Sequence, cancelled.Token));

        Directory.GetFiles(directory.Path).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_file_where_the_directory_should_be_is_refused_and_left_as_it_was()
    {
        using var directory = new TempDirectory();
        var file = Path.Combine(directory.Path, "notes.txt");
        await File.WriteAllTextAsync(file, "keep me");

        var error = await Should.ThrowAsync<ConfigurationException>(() => GeneratedFiles.WriteAsync(file, Sequence, CancellationToken.None));
        var below = await Should.ThrowAsync<ConfigurationException>(() => GeneratedFiles.WriteAsync(Path.Combine(file, "db"), Sequence, CancellationToken.None));

        error.Message.ShouldBe($"migrations directory {file} is a file, not a directory; name the directory to write the migration into.");
        below.Message.ShouldBe($"migrations directory {Path.Combine(file, "db")} cannot be created: {file} is a file, not a directory; name the directory to write the migration into.");
        (await File.ReadAllTextAsync(file)).ShouldBe("keep me");
        Directory.GetFileSystemEntries(directory.Path).ShouldBe([file]);
    }
}
