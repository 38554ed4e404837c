using Strata.Core.Sql;

namespace Strata.Core.Tests.Sql;

public sealed class NonTransactionalStatementsTests
{
    [Theory]
    [InlineData("CREATE INDEX CONCURRENTLY i ON t (a);", "CREATE INDEX CONCURRENTLY")]
    [InlineData("create unique index concurrently if not exists i on t (a)", "CREATE INDEX CONCURRENTLY")]
    [InlineData("DROP INDEX CONCURRENTLY IF EXISTS i;", "DROP INDEX CONCURRENTLY")]
    [InlineData("REINDEX INDEX CONCURRENTLY i;", "REINDEX CONCURRENTLY")]
    [InlineData("REINDEX (VERBOSE, CONCURRENTLY) TABLE t;", "REINDEX CONCURRENTLY")]
    [InlineData("REINDEX (VERBOSE) DATABASE app;", "REINDEX DATABASE")]
    [InlineData("REINDEX SYSTEM app;", "REINDEX SYSTEM")]
    [InlineData("VACUUM (ANALYZE) t;", "VACUUM")]
    [InlineData("CREATE DATABASE app;", "CREATE DATABASE")]
    [InlineData("DROP DATABASE IF EXISTS app;", "DROP DATABASE")]
    [InlineData("CREATE TABLESPACE fast LOCATION '/ssd';", "CREATE TABLESPACE")]
    [InlineData("DROP TABLESPACE fast;", "DROP TABLESPACE")]
    [InlineData("ALTER SYSTEM SET work_mem = '64MB';", "ALTER SYSTEM")]
    [InlineData("ALTER TABLE m DETACH PARTITION m_2020 CONCURRENTLY;", "ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY")]
    [InlineData("/* c */ create index concurrently i on t (a)", "CREATE INDEX CONCURRENTLY")]
    public void Recognizes_statements_that_cannot_run_in_a_transaction(string sql, string expected)
    {
        NonTransactionalStatements.Find(sql, serverMajorVersion: 16).ShouldBe(expected);
    }

    [Theory]
    [InlineData("CREATE INDEX i ON t (a);")]
    [InlineData("REINDEX TABLE t;")]
    [InlineData("DROP INDEX i;")]
    [InlineData("ALTER TABLE m DETACH PARTITION m_2020;")]
    [InlineData("ALTER TABLE t ADD COLUMN concurrently int;")]
    [InlineData("ALTER TYPE mood ADD VALUE 'meh';")]
    [InlineData("ANALYZE t;")]
    [InlineData("SELECT 'VACUUM';")]
    [InlineData("CREATE TABLE \"database\" (id int);")]
    [InlineData("")]
    public void Leaves_statements_that_can_run_in_a_transaction(string sql)
    {
        NonTransactionalStatements.Find(sql, serverMajorVersion: 16).ShouldBeNull();
    }

    [Theory]
    [InlineData("ALTER TYPE mood ADD VALUE 'meh';")]
    [InlineData("ALTER TYPE public.mood ADD VALUE IF NOT EXISTS 'meh' AFTER 'ok';")]
    [InlineData("alter type \"My Schema\".\"Mood\" add value 'meh'")]
    public void Recognizes_adding_an_enum_value_before_PostgreSQL_12(string sql)
    {
        NonTransactionalStatements.Find(sql, serverMajorVersion: 11).ShouldBe("ALTER TYPE ... ADD VALUE");
        NonTransactionalStatements.Find(sql, serverMajorVersion: 12).ShouldBeNull();
    }

    [Fact]
    public void Accepts_a_split_statement()
    {
        var statement = SqlSplitter.Split("SELECT 1;\n-- why\nCREATE INDEX CONCURRENTLY i ON t (a);").Statements[1];

        NonTransactionalStatements.Find(statement, 15).ShouldBe("CREATE INDEX CONCURRENTLY");
    }
}
