using Microsoft.Extensions.Logging;
using Strata.Core.Errors;
using Strata.Core.Migrations;

namespace Strata.Core.Tests.Migrations;

public sealed class DirectoryMigrationSourceTests
{
    private const string Up = "-- migrate:up\nSELECT 1;\n";

    [Fact]
    public async Task Loads_migrations_sorted_by_numeric_version()
    {
        using var dir = new TempDirectory();
        dir.Write("20240101000000_b.sql", Up);
        dir.Write("10_a.sql", Up);
        dir.Write("9_c.sql", Up);

        var migrations = await new DirectoryMigrationSource(dir.Path).LoadAsync(CancellationToken.None);

        migrations.Select(m => m.Version.Value).ShouldBe(["9", "10", "20240101000000"]);
        migrations[0].Source.ShouldBe(Path.Combine(dir.Path, "9_c.sql"));
        migrations[0].Description.ShouldBe("c");
    }

    [Fact]
    public async Task Ignores_other_files_dotfiles_and_subdirectories()
    {
        using var dir = new TempDirectory();
        dir.Write("1_a.sql", Up);
        dir.Write("README.md", "# migrations");
        dir.Write("1_a.sql~", "backup");
        dir.Write(".#2_b.sql", "editor lock");
        dir.Write(".hidden.sql", "not a migration");
        Directory.CreateDirectory(Path.Combine(dir.Path, "archive"));
        File.WriteAllText(Path.Combine(dir.Path, "archive", "0_old.sql"), "not read");

        var migrations = await new DirectoryMigrationSource(dir.Path).LoadAsync(CancellationToken.None);

        migrations.Select(m => m.Description).ShouldBe(["a"]);
    }

    [Fact]
    public async Task Warns_only_of_skipped_files_that_look_meant_as_migrations()
    {
        using var dir = new TempDirectory();
        dir.Write("1_a.sql", Up);
        dir.Write("add_users.sql", "forgot the version");
        dir.Write("2_b.txt", "wrong extension");
        dir.Write("README.md", "# migrations");
        dir.Write("notes.txt", "notes");
        var logger = new Engine.TestLogger();

        var migrations = await new DirectoryMigrationSource(dir.Path).LoadAsync(logger, splitStatements: true, CancellationToken.None);

        migrations.Select(m => m.Description).ShouldBe(["a"]);
        LevelOf("add_users.sql").ShouldBe(LogLevel.Warning);
        LevelOf("2_b.txt").ShouldBe(LogLevel.Warning);
        LevelOf("README.md").ShouldBe(LogLevel.Debug);
        LevelOf("notes.txt").ShouldBe(LogLevel.Debug);

        LogLevel LevelOf(string file) =>
            logger.Entries.Single(e => e.Message.StartsWith($"Skipping {Path.Combine(dir.Path, file)} ", StringComparison.Ordinal)).Level;
    }

    [Fact]
    public async Task Returns_no_migrations_for_an_empty_directory()
    {
        using var dir = new TempDirectory();

        var migrations = await new DirectoryMigrationSource(dir.Path).LoadAsync(CancellationToken.None);

        migrations.ShouldBeEmpty();
    }

    [Fact]
    public async Task Refuses_a_missing_directory()
    {
        var missing = Path.Combine(Path.GetTempPath(), "strata-tests", Guid.NewGuid().ToString("N"));

        var error = await Should.ThrowAsync<ConfigurationException>(() => new DirectoryMigrationSource(missing).LoadAsync(CancellationToken.None));

        error.Message.ShouldBe($"migrations directory {missing} does not exist; create it, or point Strata at the directory that holds your migrations.");
    }

    [Fact]
    public async Task Refuses_a_file_given_as_the_directory_saying_so()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "1_a.sql");
        await File.WriteAllTextAsync(file, "-- migrate:up\nSELECT 1;\n");

        var error = await Should.ThrowAsync<ConfigurationException>(() => new DirectoryMigrationSource(file).LoadAsync(CancellationToken.None));

        error.Message.ShouldBe($"migrations directory {file} is a file, not a directory; point Strata at the directory that holds your migrations.");
    }

    [Fact]
    public async Task Shows_the_full_path_of_a_missing_relative_directory()
    {
        var relative = Path.Combine("strata-missing", Guid.NewGuid().ToString("N"));

        var error = await Should.ThrowAsync<ConfigurationException>(() => new DirectoryMigrationSource(relative).LoadAsync(CancellationToken.None));

        error.Message.ShouldStartWith($"migrations directory {relative} ({Path.GetFullPath(relative)}) does not exist;");
    }

    [Fact]
    public async Task Refuses_a_misnamed_sql_file()
    {
        using var dir = new TempDirectory();
        dir.Write("1_a.sql", Up);
        var misnamed = dir.Write("20240611-add_users.sql", Up);

        var error = await Should.ThrowAsync<MigrationFileException>(() => new DirectoryMigrationSource(dir.Path).LoadAsync(CancellationToken.None));

        error.FileName.ShouldBe(misnamed);
        error.Message.ShouldStartWith($"{misnamed}: the file name does not match");
    }

    [Fact]
    public async Task Refuses_two_files_with_the_same_version_naming_both()
    {
        using var dir = new TempDirectory();
        var first = dir.Write("5_add_users.sql", Up);
        var second = dir.Write("5_add_orders.sql", Up);

        var error = await Should.ThrowAsync<MigrationFileException>(() => new DirectoryMigrationSource(dir.Path).LoadAsync(CancellationToken.None));

        error.Message.ShouldBe($"{second} and {first} have the same version 5; give one of them a new version.");
    }

    [Fact]
    public async Task Explains_that_leading_zeros_do_not_make_versions_differ()
    {
        using var dir = new TempDirectory();
        dir.Write("005_a.sql", Up);
        dir.Write("5_b.sql", Up);

        var error = await Should.ThrowAsync<MigrationFileException>(() => new DirectoryMigrationSource(dir.Path).LoadAsync(CancellationToken.None));

        error.Message.ShouldContain("have the same version 5 (versions compare as numbers, so leading zeros do not make them differ)");
    }

    [Fact]
    public async Task Reports_the_first_broken_file_in_name_order()
    {
        using var dir = new TempDirectory();
        for (var i = 1; i <= 40; i++)
        {
            dir.Write($"{i:D3}_m.sql", i % 10 == 0 ? "-- migrate:down\n" : Up);
        }

        var error = await Should.ThrowAsync<MigrationFileException>(() => new DirectoryMigrationSource(dir.Path).LoadAsync(CancellationToken.None));

        error.FileName.ShouldBe(Path.Combine(dir.Path, "010_m.sql"));
    }

    [Fact]
    public async Task Loads_a_thousand_files()
    {
        using var dir = new TempDirectory();
        for (var i = 1; i <= 1000; i++)
        {
            dir.Write($"{20240101000000L + i}_m{i}.sql", $"-- migrate:up\nCREATE TABLE t{i} (id int);\n-- migrate:down\nDROP TABLE t{i};\n");
        }

        var migrations = await new DirectoryMigrationSource(dir.Path).LoadAsync(CancellationToken.None);

        migrations.Count.ShouldBe(1000);
        migrations.Select(m => m.Description).ShouldBe(Enumerable.Range(1, 1000).Select(i => $"m{i}"));
    }

    [Theory]
    [InlineData("lf", "-- migrate:up\nSELECT 'é';\n-- migrate:down\nSELECT 2;\n", false)]
    [InlineData("crlf", "-- migrate:up\r\nSELECT 'é';\r\n-- migrate:down\r\nSELECT 2;\r\n", false)]
    [InlineData("cr", "-- migrate:up\rSELECT 'é';\r-- migrate:down\rSELECT 2;\r", false)]
    [InlineData("bom", "-- migrate:up\nSELECT 'é';\n-- migrate:down\nSELECT 2;\n", true)]
    public async Task A_file_read_as_bytes_has_the_checksum_of_its_text_with_line_endings_normalized(string name, string text, bool byteOrderMark)
    {
        using var dir = new TempDirectory();
        byte[] bytes = [.. byteOrderMark ? new byte[] { 0xEF, 0xBB, 0xBF } : [], .. System.Text.Encoding.UTF8.GetBytes(text)];
        File.WriteAllBytes(Path.Combine(dir.Path, $"1_{name}.sql"), bytes);

        var loaded = (await new DirectoryMigrationSource(dir.Path).LoadAsync(CancellationToken.None)).Single();

        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        loaded.Checksum.ShouldBe(MigrationChecksum.Compute(normalized));
        loaded.Checksum.Hash.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(normalized))));
        loaded.Up.Statements.Single().Text.ShouldBe("SELECT 'é';");
    }

    [Fact]
    public async Task Reads_a_file_through_a_symbolic_link_and_skips_a_link_to_a_directory()
    {
        using var dir = new TempDirectory();
        using var elsewhere = new TempDirectory();
        File.WriteAllText(Path.Combine(elsewhere.Path, "shared.sql"), Up);
        Directory.CreateDirectory(Path.Combine(elsewhere.Path, "2_folder.sql"));
        File.CreateSymbolicLink(Path.Combine(dir.Path, "1_linked.sql"), Path.Combine(elsewhere.Path, "shared.sql"));
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "2_folder.sql"), Path.Combine(elsewhere.Path, "2_folder.sql"));

        var migrations = await new DirectoryMigrationSource(dir.Path).LoadAsync(CancellationToken.None);

        migrations.Select(m => m.Description).ShouldBe(["linked"]);
        migrations[0].Up.Statements.Single().Text.ShouldBe("SELECT 1;");
    }

    [Fact]
    public async Task An_empty_migration_file_is_refused_for_its_missing_up_section()
    {
        using var dir = new TempDirectory();
        dir.Write("1_empty.sql", "");

        var error = await Should.ThrowAsync<MigrationFileException>(() => new DirectoryMigrationSource(dir.Path).LoadAsync(CancellationToken.None));

        error.Message.ShouldContain("no '-- migrate:up' line");
    }

    [Fact]
    public async Task Stops_when_cancelled()
    {
        using var dir = new TempDirectory();
        dir.Write("1_a.sql", Up);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => new DirectoryMigrationSource(dir.Path).LoadAsync(cancelled.Token));
    }
}
