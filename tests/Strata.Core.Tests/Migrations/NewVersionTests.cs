using Strata.Core.Errors;
using Strata.Core.Migrations;

namespace Strata.Core.Tests.Migrations;

public sealed class NewVersionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 14, 18, 36, 250, TimeSpan.Zero);

    [Fact]
    public void Now_to_the_second_when_no_file_has_taken_it()
    {
        using var directory = new TempDirectory();
        directory.Write("20261206141835_older.sql", "");
        directory.Write("001_numbered.sql", "");
        directory.Write("99999999999999999_long.sql", "");

        NewVersion.After([directory.Path, "/nonexistent/strata"], Now).ShouldBe(new DateTimeOffset(2026, 12, 6, 14, 18, 36, TimeSpan.Zero));
    }

    [Fact]
    public void The_second_after_the_newest_file_of_this_second_or_later_in_any_directory()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        first.Write("20261206141836_same_second.sql", "");
        second.Write("20261206141838_ahead.sql", "");
        second.Write("20261206141837_between.sql", "");

        NewVersion.After([first.Path, second.Path], Now).ShouldBe(new DateTimeOffset(2026, 12, 6, 14, 18, 39, TimeSpan.Zero));
    }

    [Fact]
    public void A_file_at_the_last_second_a_timestamp_can_name_is_refused_naming_it()
    {
        using var directory = new TempDirectory();
        directory.Write("99991231235959_last.sql", "");

        var error = Should.Throw<MigrationFileException>(() => NewVersion.After([directory.Path], Now));

        error.FileName.ShouldEndWith("99991231235959_last.sql");
        error.Message.ShouldContain("version 99991231235959 is the last second a timestamp version can name");
    }
}
