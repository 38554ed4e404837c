using Strata.Core.Errors;
using Strata.Core.Migrations;
using Strata.Core.Sql;

namespace Strata.Core.Tests.Batching;

public sealed class BatchDirectiveTests
{
    private const string Source = "db/migrations/1_x.sql";
    private const string Up = "-- migrate:up transaction:false\n";

    public static TheoryData<string, int, string> BadDirectives => new()
    {
        { "-- migrate:up\n-- strata:batch size=10\nUPDATE t SET a = 1;\n", 2, "'-- strata:batch' needs a section marked transaction:false" },
        { Up + "-- strata:batch size=0\nUPDATE t SET a = 1;\n", 2, "size=0 is not valid: the batch size is a whole number of keys, at least 1" },
        { Up + "-- strata:batch size=-5\nUPDATE t SET a = 1;\n", 2, "size=-5 is not valid" },
        { Up + "-- strata:batch size=ten\nUPDATE t SET a = 1;\n", 2, "size=ten is not valid" },
        { Up + "-- strata:batch size=10 pause=-1\nUPDATE t SET a = 1;\n", 2, "pause=-1 is not valid: the pause is a whole number of milliseconds, 0 or more" },
        { Up + "-- strata:batch pause=10\nUPDATE t SET a = 1;\n", 2, "'-- strata:batch' needs a size" },
        { Up + "-- strata:batch size=10 size=20\nUPDATE t SET a = 1;\n", 2, "size appears twice" },
        { Up + "-- strata:batch size=10 sleep=5\nUPDATE t SET a = 1;\n", 2, "'sleep=5' is not an option of '-- strata:batch'" },
        { Up + "-- strata:batches size=10\nUPDATE t SET a = 1;\n", 2, "unknown directive '-- strata:batches': did you mean '-- strata:batch'?" },
        { Up + "-- Strata:Batch size=10\nUPDATE t SET a = 1;\n", 2, "unknown directive '-- Strata:Batch'" },
        { Up + "-- strata:batch size=10\nINSERT INTO t VALUES (1);\n", 2, "must be a plain UPDATE or DELETE" },
        { Up + "-- strata:batch size=10\nWITH x AS (SELECT 1) UPDATE t SET a = 1;\n", 2, "must be a plain UPDATE or DELETE" },
        { Up + "-- strata:batch size=10\nUPDATE t SET a = 1 RETURNING id;\n", 2, "RETURNING has no use in a batched statement" },
        { Up + "UPDATE t SET a = 1;\n-- strata:batch size=10\n", 3, "must be placed on the line before the UPDATE or DELETE" },
        { Up + "UPDATE t\n-- strata:batch size=10\nSET a = 1;\n", 3, "must be placed on the line before the UPDATE or DELETE" },
        { Up + "-- strata:batch size=10\n-- strata:batch size=20\nUPDATE t SET a = 1;\n", 3, "a second '-- strata:batch' line for the same statement" },
    };

    [Theory]
    [MemberData(nameof(BadDirectives))]
    public void A_bad_batch_directive_is_refused_when_the_file_is_read_naming_file_and_line(string content, int line, string fragment)
    {
        var error = Should.Throw<MigrationFileException>(() => MigrationParser.Parse(Source, content));

        error.Message.ShouldStartWith($"{Source}:{line}: ");
        error.Message.ShouldContain(fragment, Case.Sensitive);
        error.Message.ShouldNotContain("\n");
        (error.FileName, error.Line).ShouldBe((Source, line));
    }

    [Fact]
    public void A_batch_directive_marks_the_statement_after_it_with_its_size_and_pause()
    {
        var migration = MigrationParser.Parse(Source, Up + "ALTER TABLE t ADD COLUMN b int;\n-- strata:batch size=1000 pause=20\nUPDATE public.t SET b = a WHERE b IS NULL;\n");

        var batch = migration.Up.Batches.ShouldHaveSingleItem();
        batch.Key.ShouldBe(1);
        (batch.Value.Size, batch.Value.Pause, batch.Value.Line).ShouldBe((1000, TimeSpan.FromMilliseconds(20), 3));
        (batch.Value.Statement.Command, batch.Value.Statement.Table).ShouldBe(("UPDATE", "public.t"));
    }

    [Fact]
    public void Other_strata_comments_are_left_to_their_own_readers()
    {
        var migration = MigrationParser.Parse(Source, Up + "-- strata:lint-ignore dropping-column runs after the deploy\nALTER TABLE t DROP COLUMN a;\n");

        migration.Up.Batches.ShouldBeEmpty();
    }

    [Fact]
    public void Sections_without_the_directive_have_no_batches()
    {
        MigrationParser.Parse(Source, Up + "UPDATE t SET a = 1;\n").Up.Batches.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("UPDATE t SET a = 1;", "UPDATE t SET a = 1\nWHERE t.id > 5")]
    [InlineData("UPDATE t SET a = 1 WHERE a = 2 OR a = 3;", "UPDATE t SET a = 1 WHERE t.id > 5 AND ( a = 2 OR a = 3\n)")]
    [InlineData("update ONLY s.\"T\" x SET a = (SELECT 1 WHERE true) where a -- note\n;", "update ONLY s.\"T\" x SET a = (SELECT 1 WHERE true) where x.id > 5 AND ( a -- note\n)")]
    [InlineData("DELETE FROM t AS d USING u WHERE d.a = u.a", "DELETE FROM t AS d USING u WHERE d.id > 5 AND ( d.a = u.a\n)")]
    public void The_key_range_is_anded_with_the_statements_own_condition(string statement, string expected)
    {
        var read = BatchableStatement.Read(statement, out var problem).ShouldNotBeNull(problem);

        read.Restricted(read.Qualifier + ".id > 5").ShouldBe(expected);
    }
}
