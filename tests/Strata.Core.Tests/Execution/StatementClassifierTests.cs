using Strata.Core.Execution;

namespace Strata.Core.Tests.Execution;

public sealed class StatementClassifierTests
{
    // The detection itself is NonTransactionalStatements' (tested with it); these check the classifier passes it on.
    [Theory]
    [InlineData("create unique index concurrently if not exists i on t (c);", "CREATE INDEX CONCURRENTLY")]
    [InlineData("/* note */ -- more\n VACUUM (ANALYZE) t;", "VACUUM")]
    public void Finds_statements_that_cannot_run_in_a_transaction(string statement, string command)
    {
        var result = StatementClassifier.Classify(statement, 15);

        result.Kind.ShouldBe(StatementKind.NoTransaction);
        result.Command.ShouldBe(command);
    }

    [Theory]
    [InlineData("BEGIN;")]
    [InlineData("start transaction;")]
    [InlineData("COMMIT;")]
    [InlineData("END;")]
    [InlineData("ROLLBACK;")]
    public void Finds_statements_that_end_the_migrations_transaction(string statement)
    {
        StatementClassifier.Classify(statement, 15).Kind.ShouldBe(StatementKind.TransactionControl);
    }

    [Theory]
    [InlineData("SET search_path = app;", true)]
    [InlineData("/* top */ set session lock_timeout = '10min';", true)]
    [InlineData("SET ROLE app_owner;", true)]
    [InlineData("SET SESSION AUTHORIZATION app_owner;", true)]
    [InlineData("RESET ALL;", true)]
    [InlineData("DISCARD ALL;", true)]
    [InlineData("SELECT pg_catalog.set_config('search_path', '', false);", true)]
    [InlineData("DO $$ BEGIN EXECUTE 'SET search_path = x'; END $$;", true)]
    [InlineData("CALL setup();", true)]
    [InlineData("CREATE TEMP TABLE batch AS SELECT 1;", true)]
    [InlineData("create global temporary table batch (id int);", true)]
    [InlineData("CREATE OR REPLACE TEMP VIEW v AS SELECT 1;", true)]
    [InlineData("SELECT id INTO TEMPORARY batch FROM t;", true)]
    [InlineData("CREATE TABLE pg_temp.batch (id int);", true)]
    [InlineData("DECLARE walk CURSOR WITH HOLD FOR SELECT 1;", true)]
    [InlineData("CREATE TEMP TABLE batch (id int) ON COMMIT DROP;", true)]
    [InlineData("SET LOCAL lock_timeout = '5s';", false)]
    [InlineData("CREATE TABLE \"temp\" (id int);", false)]
    [InlineData("INSERT INTO notes VALUES ('temporary');", false)]
    [InlineData("-- a temp fix\nSELECT 1;", false)]
    [InlineData("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE;", false)]
    [InlineData("SET CONSTRAINTS ALL DEFERRED;", false)]
    [InlineData("UPDATE t SET c = 1;", false)]
    [InlineData("ALTER TABLE t ALTER COLUMN c SET NOT NULL;", false)]
    [InlineData("-- SET search_path = x\nSELECT 1;", false)]
    public void Knows_which_statements_may_leave_settings_or_objects_behind_for_the_session(string statement, bool changes)
    {
        StatementClassifier.MayChangeSession(statement).ShouldBe(changes);
    }

    [Theory]
    [InlineData("CREATE INDEX i ON t (c);")]
    [InlineData("SELECT 'CREATE INDEX CONCURRENTLY x ON t (c)';")]
    [InlineData("-- VACUUM\nSELECT 1;")]
    [InlineData("CREATE FUNCTION f() RETURNS void AS $$ BEGIN COMMIT; END $$ LANGUAGE plpgsql;")]
    [InlineData("ROLLBACK TO SAVEPOINT s;")]
    [InlineData("ROLLBACK WORK TO SAVEPOINT s;")]
    [InlineData("rollback transaction to s;")]
    [InlineData("REINDEX TABLE system;")]
    [InlineData("")]
    public void Leaves_ordinary_statements_alone(string statement)
    {
        StatementClassifier.Classify(statement, 15).Kind.ShouldBe(StatementKind.Ordinary);
    }

    [Theory]
    [InlineData("CREATE INDEX CONCURRENTLY items_code ON items (code);", null, "items_code", "items")]
    [InlineData("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS \"Items Code\" ON ONLY app.items (code);", "app", "Items Code", "items")]
    [InlineData("CREATE INDEX CONCURRENTLY IDX ON \"App\".\"Items\" (code);", "App", "idx", "Items")]
    public void Names_the_index_a_concurrent_build_creates(string statement, string? schema, string name, string table)
    {
        StatementClassifier.Classify(statement, 15).ConcurrentIndex.ShouldBe(new IndexName(schema, name, table));
    }

    [Fact]
    public void An_unnamed_concurrent_index_has_no_name()
    {
        StatementClassifier.Classify("CREATE INDEX CONCURRENTLY ON t (c);", 15).ConcurrentIndex.ShouldBeNull();
    }
}
