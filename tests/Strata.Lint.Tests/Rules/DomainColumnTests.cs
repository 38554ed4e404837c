using Strata.Lint.Tests.Support;

namespace Strata.Lint.Tests.Rules;

/// <summary>
/// A column added with a domain type takes the domain's default and has its constraints checked on every row; the
/// linter knows a domain only when an earlier statement of the run created it.
/// </summary>
public sealed class DomainColumnTests
{
    [Theory]
    [InlineData("CREATE DOMAIN seen AS timestamptz DEFAULT clock_timestamp()", "seen", "adding-volatile-default")]
    [InlineData("CREATE DOMAIN positive AS int CHECK (VALUE > 0)", "positive", "adding-rewriting-column")]
    [InlineData("CREATE DOMAIN positive AS int DEFAULT 1 CHECK (VALUE > 0)", "positive", "adding-rewriting-column")]
    [InlineData("CREATE DOMAIN required AS int NOT NULL DEFAULT 0", "required", "adding-rewriting-column")]
    [InlineData("CREATE DOMAIN required AS int NOT NULL", "required", "adding-required-column")]
    [InlineData("CREATE DOMAIN positive AS int CHECK (VALUE > 0); CREATE DOMAIN small AS positive", "small", "adding-rewriting-column")]
    public void A_column_of_a_domain_created_earlier_in_the_run_is_judged_by_the_domain(string domain, string type, string rule)
    {
        LintText.Rules($"{domain};\nALTER TABLE users ADD COLUMN c {type};").ShouldBe([rule]);
    }

    [Theory]
    [InlineData("CREATE DOMAIN plan AS text DEFAULT 'free'", "plan")]
    [InlineData("CREATE DOMAIN plain AS int", "plain")]
    [InlineData("CREATE DOMAIN positive AS int CHECK (VALUE > 0)", "positive[]")]
    [InlineData("CREATE DOMAIN seen AS timestamptz DEFAULT clock_timestamp()", "seen DEFAULT now()")]
    [InlineData("CREATE DOMAIN counter AS int DEFAULT 0", "counter NOT NULL")]
    [InlineData("CREATE DOMAIN positive AS int CHECK (VALUE > 0); DROP DOMAIN positive; CREATE DOMAIN positive AS int", "positive")]
    public void A_domain_whose_default_is_constant_and_without_constraints_adds_a_column_in_place(string domain, string column)
    {
        LintText.Rules($"{domain};\nALTER TABLE users ADD COLUMN c {column};").ShouldBeEmpty();
    }

    [Fact]
    public void The_finding_of_a_domain_default_points_at_the_column()
    {
        var finding = LintText.Sql("CREATE DOMAIN seen AS timestamptz DEFAULT clock_timestamp();\nALTER TABLE users ADD COLUMN seen_at seen;").ShouldHaveSingleItem();
        (finding.Line, finding.Column).ShouldBe((2, 30));
        finding.Message.ShouldContain("from its domain seen calls clock_timestamp()");
    }

    [Fact]
    public void A_domain_created_outside_the_run_is_unknown_to_static_lint()
    {
        LintText.Rules("ALTER TABLE users ADD COLUMN c positive;").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_domain_created_by_an_earlier_migration_of_the_run_is_known_to_later_ones()
    {
        using var directory = new TempDirectory();
        directory.Write("1_domain.sql", "-- migrate:up\nCREATE DOMAIN positive AS int CHECK (VALUE > 0);");
        directory.Write("2_column.sql", "-- migrate:up\nALTER TABLE users ADD COLUMN level positive;");

        var result = await new MigrationLinter().LintPathsAsync([directory.Path], CancellationToken.None);

        result.Findings.Select(f => (Path.GetFileName(f.File), f.Rule)).ShouldBe([("2_column.sql", "adding-rewriting-column")]);
    }
}
