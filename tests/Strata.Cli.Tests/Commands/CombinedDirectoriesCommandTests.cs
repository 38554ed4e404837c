using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands;

public sealed class CombinedDirectoriesCommandTests
{
    [Fact]
    public async Task Repeated_migrations_dir_flags_apply_the_files_of_every_directory_in_version_order()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(1, firstVersion: 1000);
        var extra = Path.Combine(files.Root, "extra");
        Directory.CreateDirectory(extra);
        File.WriteAllText(Path.Combine(extra, "1001_add_name2.sql"), "-- migrate:up\nALTER TABLE t0 ADD COLUMN name2 text;\n-- migrate:down\nALTER TABLE t0 DROP COLUMN name2;\n");

        var result = await new CliHarness(files.Root).RunAsync("up", "-u", db.Url, "-d", files.Path, "--migrations-dir", extra);

        result.ExitCode.ShouldBe(0, result.ToString());
        await using var command = db.DataSource.CreateCommand("SELECT string_agg(version::text, ',' ORDER BY version) FROM strata_schema_migrations");
        (await command.ExecuteScalarAsync()).ShouldBe("1000,1001");
    }

    [Fact]
    public async Task A_version_found_in_two_of_the_directories_is_a_file_error_naming_both()
    {
        using var files = new MigrationFiles().AddTables(1, firstVersion: 1000);
        var extra = Path.Combine(files.Root, "extra");
        Directory.CreateDirectory(extra);
        var clash = Path.Combine(extra, "1000_other.sql");
        File.WriteAllText(clash, "-- migrate:up\nSELECT 1;\n");

        var result = await new CliHarness(files.Root).RunAsync("validate", "-d", files.Path, "-d", extra);

        result.ExitCode.ShouldBe(5, result.ToString());
        var errors = result.Stderr.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
        errors.Count.ShouldBe(1, result.ToString());
        errors[0].ShouldContain(Path.Combine(files.Path, "1000_create_t0.sql"));
        errors[0].ShouldContain(clash);
    }

    [Fact]
    public async Task Config_lists_every_migrations_directory()
    {
        using var files = new MigrationFiles();

        var result = await new CliHarness(files.Root).RunAsync("config", "-d", "a", "-d", "b");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain($"{Path.Combine(files.Root, "a")}, {Path.Combine(files.Root, "b")}");
    }

    [Fact]
    public async Task An_empty_second_migrations_dir_is_a_usage_error()
    {
        using var files = new MigrationFiles();

        var result = await new CliHarness(files.Root).RunAsync("validate", "-d", files.Path, "-d", "");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("--migrations-dir is given but empty");
    }
}
