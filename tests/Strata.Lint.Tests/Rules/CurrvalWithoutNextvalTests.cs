using Npgsql;
using Strata.Lint.Tests.Support;
using Strata.Testing;

namespace Strata.Lint.Tests.Rules;

/// <summary>currval and lastval read the session's last nextval: one this migration took, or an earlier migration's.</summary>
public sealed class CurrvalWithoutNextvalTests
{
    [Theory]
    [InlineData("INSERT INTO plan_features (plan_id, feature) VALUES (currval('plans_id_seq'), 'export');")]
    [InlineData("UPDATE settings SET last_plan = lastval();")]
    [InlineData("CREATE VIEW latest AS SELECT 1;\nSELECT pg_catalog.currval('plans_id_seq');")]
    public void A_read_with_no_value_taken_before_it_in_the_migration_is_reported(string sql)
    {
        LintText.Rules(sql).Count(r => r == "currval-without-nextval").ShouldBe(1);
    }

    [Theory]
    [InlineData("INSERT INTO plans (name) VALUES ('team');\nINSERT INTO plan_features (plan_id, feature) VALUES (currval('plans_id_seq'), 'export');")]
    [InlineData("SELECT nextval('plans_id_seq');\nSELECT currval('plans_id_seq');")]
    [InlineData("SELECT setval('plans_id_seq', 1000);\nCREATE VIEW latest AS SELECT 1;\nSELECT currval('plans_id_seq');")]
    [InlineData("INSERT INTO plans (id, name) VALUES (nextval('plans_id_seq'), 'team') RETURNING currval('plans_id_seq');")]
    [InlineData("COPY plans (name) FROM '/srv/plans.csv' WITH (FORMAT csv);\nSELECT lastval();")]
    [InlineData("DO $$ BEGIN PERFORM nextval('plans_id_seq'); END $$;\nSELECT currval('plans_id_seq');")]
    [InlineData("SELECT 'currval(plans_id_seq)';")]
    public void A_read_after_this_migration_took_a_value_or_no_read_at_all_is_not(string sql)
    {
        LintText.Rules(sql).ShouldNotContain("currval-without-nextval");
    }

    [Fact]
    public void The_finding_names_the_function_and_what_happens_in_each_way_of_running()
    {
        var finding = LintText.Sql("SELECT lastval();").Single(f => f.Rule == "currval-without-nextval");

        finding.Message.ShouldStartWith("lastval() reads the value the session's last nextval() gave");
        finding.Message.ShouldContain("run alone, it fails");
    }

    // The server is the oracle for what the rule claims: the read works in the session that inserted (one up) and
    // fails in a new one (the same migration run alone, in a later deploy).
    [Fact]
    public async Task The_server_answers_the_read_in_the_session_that_inserted_and_refuses_it_in_a_new_one()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using (var first = await db.DataSource.OpenConnectionAsync())
        {
            await using var insert = new NpgsqlCommand(
                "CREATE TABLE plans (id bigserial PRIMARY KEY, name text); INSERT INTO plans (name) VALUES ('team'); SELECT currval('plans_id_seq')", first);
            (await insert.ExecuteScalarAsync()).ShouldBe(1L);
        }

        await using var alone = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(db.ConnectionString) { Pooling = false }.ConnectionString);
        await using var read = alone.CreateCommand("SELECT currval('plans_id_seq')");
        var error = await Should.ThrowAsync<PostgresException>(() => read.ExecuteScalarAsync());
        error.SqlState.ShouldBe(PostgresErrorCodes.ObjectNotInPrerequisiteState);
        error.MessageText.ShouldContain("not yet defined in this session");
    }
}
