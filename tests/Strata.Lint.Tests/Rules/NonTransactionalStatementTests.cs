using Strata.Lint.Tests.Support;

namespace Strata.Lint.Tests.Rules;

/// <summary>Every statement up refuses in a transactional section is reported by lint there, and only there.</summary>
public sealed class NonTransactionalStatementTests
{
    public static TheoryData<string> Refused =>
    [
        "VACUUM t",
        "VACUUM (ANALYZE, VERBOSE) app.t",
        "REINDEX DATABASE app",
        "REINDEX (VERBOSE) SYSTEM app",
        "ALTER SYSTEM SET work_mem = '8MB'",
        "CREATE DATABASE app",
        "DROP DATABASE IF EXISTS app",
        "CREATE TABLESPACE fast LOCATION '/ssd'",
        "DROP TABLESPACE fast",
        "REINDEX TABLE CONCURRENTLY t",
    ];

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_statement_that_cannot_run_in_a_transaction_is_reported_in_a_transactional_migration(string sql)
    {
        var finding = LintText.Sql($"-- migrate:up\nCREATE TABLE n (id bigint PRIMARY KEY);\n{sql};\n").ShouldHaveSingleItem();

        finding.Rule.ShouldBe("concurrently-in-transaction");
        (finding.Line, finding.Column).ShouldBe((3, 1));
        finding.Severity.ShouldBe(LintSeverity.Error);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void The_same_statement_is_not_reported_without_a_transaction(string sql)
    {
        LintText.Rules($"-- migrate:up transaction:false\n{sql};\n").ShouldNotContain("concurrently-in-transaction");
    }

    [Fact]
    public void It_is_reported_after_an_explicit_begin()
    {
        LintText.Rules("-- migrate:up transaction:false\nBEGIN;\nVACUUM t;\nCOMMIT;\n").ShouldContain("concurrently-in-transaction");
    }

    [Fact]
    public void Adding_an_enum_value_before_postgresql_12_is_reported_once_by_the_enum_rule()
    {
        LintText.Rules("-- migrate:up\nALTER TYPE mood ADD VALUE 'meh';\n", postgresVersion: 11).ShouldBe(["enum-value-used-in-same-transaction"]);
    }

    [Theory]
    [InlineData("ANALYZE t")]
    [InlineData("REINDEX TABLE t")]
    [InlineData("CREATE SCHEMA app")]
    public void Statements_that_run_in_a_transaction_are_not_reported(string sql)
    {
        LintText.Rules($"-- migrate:up\n{sql};\n").ShouldNotContain("concurrently-in-transaction");
    }
}
