using Strata.Core.Migrations;

namespace Strata.Core.Tests.Migrations;

/// <summary>Versions compare by number, and one number spelt two ways is one key in a set.</summary>
public sealed class MigrationVersionTests
{
    [Theory]
    [InlineData("2", "10")]
    [InlineData("9", "0010")]
    [InlineData("20240101000000", "20240101000001")]
    [InlineData("0", "1")]
    public void Versions_sort_by_number(string older, string newer)
    {
        var (left, right) = (MigrationVersion.Parse(older), MigrationVersion.Parse(newer));

        (left < right).ShouldBeTrue();
        right.CompareTo(left).ShouldBePositive();
    }

    [Theory]
    [InlineData("7", "007")]
    [InlineData("0", "0000")]
    [InlineData("20240101000000", "020240101000000")]
    public void One_number_spelt_with_leading_zeros_is_one_key(string text, string padded)
    {
        var (version, same) = (MigrationVersion.Parse(text), MigrationVersion.Parse(padded));

        version.ShouldBe(same);
        version.GetHashCode().ShouldBe(same.GetHashCode());
        new HashSet<MigrationVersion> { version, same }.Count.ShouldBe(1);
        new Dictionary<MigrationVersion, string> { [version] = text }[same].ShouldBe(text);
    }

    [Fact]
    public void The_hash_is_the_same_in_every_process()
    {
        // The string hash .NET gives by default is seeded anew in each process; this one is a function of the digits
        // (the figures were computed apart from this code, from the UTF-16 bytes of each version).
        MigrationVersion.Parse("20240101000001").GetHashCode().ShouldBe(1714277825);
        MigrationVersion.Parse("1").GetHashCode().ShouldBe(-1287672191);
    }

    [Fact]
    public void Every_version_of_a_thousand_is_found_again()
    {
        var versions = Enumerable.Range(0, 1000).Select(i => MigrationVersion.Parse($"2024{i:D10}")).ToList();
        var set = versions.ToHashSet();

        set.Count.ShouldBe(1000);
        versions.Select(v => v.GetHashCode()).Distinct().Count().ShouldBe(1000);
        versions.ShouldAllBe(v => set.Contains(MigrationVersion.Parse("0" + v.Value)));
        set.Contains(MigrationVersion.Parse("20240000001000")).ShouldBeFalse();
    }
}
