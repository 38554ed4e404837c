using Strata.Lint.Tests.Support;

namespace Strata.Lint.Tests.Engine;

/// <summary>A statement marked <c>-- strata:batch</c> runs over key ranges in short transactions, never over the whole table at once.</summary>
public sealed class BatchedStatementLintTests
{
    [Fact]
    public void A_whole_table_update_is_a_warning_unless_it_is_marked_as_a_batched_backfill()
    {
        var plain = LintText.Sql("-- migrate:up transaction:false\nUPDATE users SET plan = 'free';\n").ShouldHaveSingleItem();
        var batched = LintText.Sql("-- migrate:up transaction:false\n-- strata:batch size=1000\nUPDATE users SET plan = 'free';\n");

        (plain.Rule, plain.Severity).ShouldBe(("unbatched-data-change", LintSeverity.Warning));
        plain.SafeAlternative.ShouldContain("-- strata:batch");
        batched.ShouldBeEmpty();
    }

    [Fact]
    public void Only_the_marked_statement_is_taken_as_batched()
    {
        var finding = LintText.Sql("-- migrate:up transaction:false\n-- strata:batch size=1000\nUPDATE users SET plan = 'free';\nDELETE FROM sessions;\n")
            .ShouldHaveSingleItem();

        (finding.Rule, finding.Line).ShouldBe(("unbatched-data-change", 4));
    }
}
