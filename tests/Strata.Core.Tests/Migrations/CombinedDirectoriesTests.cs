using Strata.Core.Errors;
using Strata.Core.Migrations;

namespace Strata.Core.Tests.Migrations;

public sealed class CombinedDirectoriesTests
{
    private const string Up = "-- migrate:up\nSELECT 1;\n";

    [Fact]
    public async Task Several_directories_form_one_set_ordered_by_version()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        first.Write("1_a.sql", Up);
        first.Write("3_c.sql", Up);
        second.Write("2_b.sql", Up);

        var migrations = await new DirectoryMigrationSource([first.Path, second.Path]).LoadAsync(CancellationToken.None);

        migrations.Select(m => m.Description).ShouldBe(["a", "b", "c"]);
        migrations[1].Source.ShouldBe(Path.Combine(second.Path, "2_b.sql"));
    }

    [Fact]
    public async Task A_version_in_two_directories_is_refused_naming_both_files()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        first.Write("7_users.sql", Up);
        second.Write("007_orders.sql", Up);

        var error = await Should.ThrowAsync<MigrationFileException>(
            () => new DirectoryMigrationSource([first.Path, second.Path]).LoadAsync(CancellationToken.None));

        error.Message.ShouldContain(Path.Combine(first.Path, "7_users.sql"));
        error.Message.ShouldContain(Path.Combine(second.Path, "007_orders.sql"));
        error.Message.ShouldContain("have the same version 7");
    }

    [Fact]
    public async Task A_missing_second_directory_is_named()
    {
        using var first = new TempDirectory();
        first.Write("1_a.sql", Up);
        var missing = Path.Combine(first.Path, "nowhere");

        var error = await Should.ThrowAsync<ConfigurationException>(
            () => new DirectoryMigrationSource([first.Path, missing]).LoadAsync(CancellationToken.None));

        error.Message.ShouldContain($"migrations directory {missing} does not exist");
    }

    [Fact]
    public async Task The_same_directory_given_twice_is_read_once()
    {
        using var dir = new TempDirectory();
        dir.Write("1_a.sql", Up);

        var migrations = await new DirectoryMigrationSource([dir.Path, dir.Path]).LoadAsync(CancellationToken.None);

        migrations.Count.ShouldBe(1);
    }
}
