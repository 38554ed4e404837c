using Strata.Lint.Tests.Support;

namespace Strata.Lint.Tests.Engine;

/// <summary>Files are linted once each, in version order across every path given, whatever order they came in.</summary>
public sealed class PathOrderTests
{
    private const string AddCheck = "-- migrate:up\nALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;\n";
    private const string Validate = "-- migrate:up\nALTER TABLE users VALIDATE CONSTRAINT users_email_nn;\n";
    private const string SetNotNull = "-- migrate:up\nALTER TABLE users ALTER COLUMN email SET NOT NULL;\n";

    [Fact]
    public async Task Files_named_out_of_order_are_linted_in_version_order()
    {
        using var directory = new TempDirectory();
        var first = directory.Write("1_a.sql", AddCheck);
        var second = directory.Write("2_b.sql", Validate);
        var tenth = directory.Write("10_c.sql", SetNotNull);

        // A shell glob gives 10_c.sql first.
        var result = await new MigrationLinter().LintPathsAsync([tenth, first, second], CancellationToken.None);

        result.Findings.ShouldBeEmpty();
        result.Files.ShouldBe(3);
    }

    [Fact]
    public async Task A_file_named_with_its_directory_is_linted_once_in_its_place()
    {
        using var directory = new TempDirectory();
        directory.Write("1_a.sql", AddCheck);
        directory.Write("2_b.sql", Validate);
        var tenth = directory.Write("10_c.sql", SetNotNull);

        var result = await new MigrationLinter().LintPathsAsync([tenth, directory.Path, tenth], CancellationToken.None);

        result.Findings.ShouldBeEmpty();
        (result.Files, result.Statements).ShouldBe((3, 3));
    }

    [Fact]
    public async Task Files_of_several_directories_are_interleaved_by_version()
    {
        using var one = new TempDirectory();
        using var two = new TempDirectory();
        one.Write("1_a.sql", AddCheck);
        two.Write("2_b.sql", Validate);
        one.Write("10_c.sql", SetNotNull);

        var result = await new MigrationLinter().LintPathsAsync([one.Path, two.Path], CancellationToken.None);

        result.Findings.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_file_without_a_version_comes_after_the_migrations()
    {
        using var directory = new TempDirectory();
        var script = directory.Write("hotfix.sql", "ALTER TABLE users ALTER COLUMN email SET NOT NULL;\n");
        var check = directory.Write("1_a.sql", "-- migrate:up\nALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL);\n");

        var result = await new MigrationLinter().LintPathsAsync([script, check], CancellationToken.None);

        result.Findings.Select(f => f.Rule).ShouldNotContain("setting-not-null");
        result.Files.ShouldBe(2);
    }
}
