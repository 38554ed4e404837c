using Strata.Lint.Tests.Oracle;
using Strata.Lint.Tests.Support;

namespace Strata.Lint.Tests.Engine;

/// <summary>A table or index created in the migration is new in its own schema only: app.t is not public.t.</summary>
public sealed class CreatedTableSchemaTests
{
    // The oracle observes the table named t on the search path: the existing app.t.
    private const string Setup = """
        CREATE SCHEMA app;
        CREATE TABLE app.t (id bigint PRIMARY KEY, e text);
        INSERT INTO app.t SELECT g, 'e' || g FROM generate_series(1, 200) g;
        SET search_path = app, public;
        """;

    [Fact]
    public async Task Indexing_a_table_of_another_schema_than_the_new_one_is_reported()
    {
        const string migration = "CREATE TABLE public.t (id bigint PRIMARY KEY, e text); CREATE INDEX ti ON app.t (e)";
        var (observed, major) = await ServerOracle.ObserveAsync(Setup, migration);

        observed.SqlState.ShouldBeNull();
        observed.Locks.ShouldContain("ShareLock");
        observed.BlocksWrites.ShouldBeTrue();
        OracleLint.Rules(Setup, migration, major).ShouldBe(["require-concurrent-index-creation"]);
    }

    [Theory]
    [InlineData("CREATE TABLE t (id bigint PRIMARY KEY, e text);\nCREATE INDEX ti ON public.t (e);")]
    [InlineData("CREATE TABLE app.t (id bigint PRIMARY KEY, e text);\nCREATE INDEX ti ON app.t (e);")]
    [InlineData("CREATE TABLE app.t (id bigint PRIMARY KEY, e text);\nCREATE INDEX ti ON app.t (e);\nDROP INDEX app.ti;")]
    public void A_table_created_in_the_same_schema_is_new(string sql)
    {
        LintText.Rules(sql).ShouldBeEmpty();
    }

    [Fact]
    public void An_index_created_on_a_new_table_of_another_schema_is_not_the_one_dropped()
    {
        LintText.Rules("CREATE TABLE app.t (id bigint PRIMARY KEY, e text);\nCREATE INDEX ti ON app.t (e);\nDROP INDEX ti;")
            .ShouldBe(["require-concurrent-index-deletion"]);
    }
}
