using Strata.Lint.Tests.Support;

namespace Strata.Lint.Tests.Engine;

public sealed class MigrationLinterTests
{
    [Fact]
    public void Statements_on_a_table_created_in_the_same_migration_are_not_lock_hazards()
    {
        LintText.Rules("""
            CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, email text);
            CREATE INDEX orders_customer_idx ON orders (customer_id);
            ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();
            ALTER TABLE orders ALTER COLUMN email SET NOT NULL;
            ALTER TABLE orders ADD CONSTRAINT orders_email_key UNIQUE (email);
            ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
            UPDATE orders SET email = lower(email);
            """).ShouldBeEmpty();
    }

    [Fact]
    public void The_same_statements_on_an_existing_table_are()
    {
        LintText.Rules("""
            CREATE INDEX orders_customer_idx ON orders (customer_id);
            ALTER TABLE orders ALTER COLUMN email SET NOT NULL;
            """).ShouldBe(["require-concurrent-index-creation", "setting-not-null"]);
    }

    [Fact]
    public void Findings_carry_the_file_line_column_message_and_safe_alternative()
    {
        var finding = LintText.Sql("SELECT 1;\n\n   CREATE INDEX i ON orders (a);").ShouldHaveSingleItem();
        finding.ShouldBe(finding with { File = LintText.MigrationName, Line = 3, Column = 4, Severity = LintSeverity.Error });
        finding.Message.ShouldContain("orders");
        finding.SafeAlternative.ShouldContain("CONCURRENTLY");
    }

    [Fact]
    public void An_index_on_only_a_partitioned_parent_is_not_a_blocking_build()
    {
        LintText.Rules("CREATE INDEX events_at_idx ON ONLY events (at);").ShouldBeEmpty();
        LintText.Rules("CREATE INDEX events_at_idx ON events (at);").ShouldBe(["require-concurrent-index-creation"]);
    }

    [Fact]
    public void A_constant_default_rewrites_before_postgresql_11_but_not_since()
    {
        const string sql = "ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';";
        LintText.Rules(sql, postgresVersion: 10).ShouldBe(["adding-volatile-default"]);
        LintText.Rules(sql, postgresVersion: 11).ShouldBeEmpty();
    }

    [Fact]
    public void A_stable_default_such_as_now_does_not_rewrite()
    {
        LintText.Rules("ALTER TABLE users ADD COLUMN seen_at timestamptz DEFAULT now(), ADD COLUMN day date DEFAULT CURRENT_DATE;").ShouldBeEmpty();
    }

    [Fact]
    public void A_validated_check_lets_set_not_null_skip_its_scan_only_since_postgresql_12()
    {
        const string sql = """
            -- migrate:up transaction:false
            ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;
            ALTER TABLE users VALIDATE CONSTRAINT email_nn;
            ALTER TABLE users ALTER COLUMN email SET NOT NULL;
            """;
        LintText.Rules(sql, postgresVersion: 12).ShouldBeEmpty();
        LintText.Rules(sql, postgresVersion: 11).ShouldBe(["setting-not-null"]);
    }

    [Fact]
    public void A_check_on_another_column_does_not_count()
    {
        LintText.Rules("""
            -- migrate:up transaction:false
            ALTER TABLE users ADD CONSTRAINT name_nn CHECK (name IS NOT NULL) NOT VALID;
            ALTER TABLE users VALIDATE CONSTRAINT name_nn;
            ALTER TABLE users ALTER COLUMN email SET NOT NULL;
            """).ShouldBe(["setting-not-null"]);
    }

    [Fact]
    public void Validating_in_the_adding_transaction_is_flagged_but_not_after_it_commits()
    {
        const string body = """
            ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (c) REFERENCES customers (id) NOT VALID;
            ALTER TABLE orders VALIDATE CONSTRAINT fk;
            """;
        LintText.Rules("-- migrate:up\n" + body).ShouldBe(["validate-constraint-in-same-transaction"]);
        LintText.Rules("-- migrate:up transaction:false\n" + body).ShouldBeEmpty();
    }

    [Fact]
    public void Explicit_begin_and_commit_bound_the_transaction_of_a_non_transactional_migration()
    {
        LintText.Rules("""
            -- migrate:up transaction:false
            BEGIN;
            ALTER TYPE status ADD VALUE 'archived';
            COMMIT;
            UPDATE items SET status = 'archived' WHERE archived_at IS NOT NULL;
            CREATE INDEX CONCURRENTLY items_status_idx ON items (status);
            BEGIN;
            ALTER TYPE status ADD VALUE 'deleted';
            UPDATE items SET status = 'deleted' WHERE deleted_at IS NOT NULL;
            COMMIT;
            """).ShouldBe(["enum-value-used-in-same-transaction"]);
    }

    [Fact]
    public void Adding_an_enum_value_in_a_transaction_fails_before_postgresql_12()
    {
        LintText.Rules("ALTER TYPE status ADD VALUE 'archived';", postgresVersion: 11).ShouldBe(["enum-value-used-in-same-transaction"]);
        LintText.Rules("ALTER TYPE status ADD VALUE 'archived';", postgresVersion: 12).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("varchar(20)", "varchar(40)", false)]
    [InlineData("varchar(40)", "varchar(20)", true)]
    [InlineData("varchar(20)", "text", false)]
    [InlineData("numeric(10,2)", "numeric(12,2)", false)]
    [InlineData("numeric(10,2)", "numeric(12,3)", true)]
    [InlineData("integer", "bigint", true)]
    [InlineData("text", "integer", true)]
    public async Task A_type_change_is_judged_by_the_type_an_earlier_migration_gave_the_column(string from, string to, bool rewrites)
    {
        var linter = new MigrationLinter();
        using var directory = new TempDirectory();
        directory.Write("20260101000000_create.sql", $"-- migrate:up\nCREATE TABLE t (id bigint PRIMARY KEY, c {from});");
        directory.Write("20260102000000_change.sql", $"-- migrate:up\nALTER TABLE t ALTER COLUMN c TYPE {to};");
        var result = await linter.LintPathsAsync([directory.Path], CancellationToken.None);
        result.Findings.Any(f => f.Rule == "changing-column-type").ShouldBe(rewrites);
        result.Files.ShouldBe(2);
    }

    [Fact]
    public async Task A_directory_is_linted_in_version_order_as_up_runs_it()
    {
        using var directory = new TempDirectory();
        directory.Write("10_validate.sql", "-- migrate:up\nALTER TABLE t VALIDATE CONSTRAINT t_nn;\nALTER TABLE t ALTER COLUMN c SET NOT NULL;");
        directory.Write("9_check.sql", "-- migrate:up\nALTER TABLE t ADD CONSTRAINT t_nn CHECK (c IS NOT NULL) NOT VALID;");
        directory.Write("notes.sql", "SELECT 1;");

        var result = await new MigrationLinter().LintPathsAsync([directory.Path], CancellationToken.None);

        result.Findings.ShouldBeEmpty("9 runs before 10, so the check is validated before SET NOT NULL");
        result.Files.ShouldBe(3);
    }

    [Fact]
    public async Task A_run_of_many_migrations_is_judged_in_order()
    {
        // Each change of type knows the type the earlier migration gave the column, and the findings come in run order.
        using var directory = new TempDirectory();
        for (var i = 1; i <= 80; i++)
        {
            directory.Write($"{i:D3}_create.sql", $"-- migrate:up\nCREATE TABLE t{i} (id bigint PRIMARY KEY, c varchar(20));");
            directory.Write($"{i + 100:D3}_widen.sql", $"-- migrate:up\nALTER TABLE t{i} ALTER COLUMN c TYPE {(i % 10 == 0 ? "integer" : "varchar(40)")};");
        }

        var result = await new MigrationLinter().LintPathsAsync([directory.Path], CancellationToken.None);

        result.Files.ShouldBe(160);
        result.Statements.ShouldBe(160);
        result.Findings.Where(f => f.Rule == "changing-column-type").Select(f => Path.GetFileName(f.File))
            .ShouldBe([.. Enumerable.Range(1, 8).Select(k => $"{(k * 10) + 100:D3}_widen.sql")]);
    }

    [Fact]
    public async Task Of_several_statements_the_grammar_rejects_the_first_in_run_order_is_reported()
    {
        using var directory = new TempDirectory();
        for (var i = 1; i <= 150; i++)
        {
            var statement = i is 100 or 140 ? "CREATE TABLE (;" : $"CREATE TABLE t{i} (id bigint);";
            directory.Write($"{i:D3}_m.sql", $"-- migrate:up\n{statement}");
        }

        var error = await Should.ThrowAsync<Strata.Core.Errors.SqlSyntaxException>(() =>
            new MigrationLinter().LintPathsAsync([directory.Path], CancellationToken.None));

        error.Message.ShouldContain("100_m.sql:2:");
    }

    [Fact]
    public void Validating_in_the_same_alter_that_added_the_constraint_not_valid_is_reported()
    {
        LintText.Rules("ALTER TABLE users ADD CONSTRAINT c CHECK (age > 0) NOT VALID, VALIDATE CONSTRAINT c;")
            .ShouldContain("validate-constraint-in-same-transaction");
    }

    [Theory]
    [InlineData("CHECK (age > 0)", "holding an ACCESS EXCLUSIVE lock")]
    [InlineData("FOREIGN KEY (team_id) REFERENCES teams (id)", "holding a SHARE ROW EXCLUSIVE lock")]
    public void A_constraint_without_not_valid_names_its_lock_with_the_right_article(string constraint, string words)
    {
        LintText.Sql($"ALTER TABLE users ADD CONSTRAINT c {constraint};").ShouldContain(f => f.Rule == "constraint-missing-not-valid" && f.Message.Contains(words));
    }

    [Theory]
    [InlineData("ALTER TABLE users RENAME TO accounts;\nCREATE VIEW archive.users AS SELECT * FROM accounts;", true)]
    [InlineData("ALTER TABLE public.users RENAME TO accounts;\nCREATE VIEW archive.users AS SELECT * FROM accounts;", true)]
    [InlineData("ALTER TABLE archive.users RENAME TO accounts;\nCREATE VIEW users AS SELECT * FROM archive.accounts;", true)]
    [InlineData("ALTER TABLE users RENAME TO accounts;\nCREATE VIEW public.users AS SELECT * FROM accounts;", false)]
    [InlineData("ALTER TABLE archive.users RENAME TO accounts;\nCREATE VIEW archive.users AS SELECT * FROM archive.accounts;", false)]
    public void A_view_keeps_a_renamed_table_only_under_its_old_name_in_its_own_schema(string sql, bool reported)
    {
        LintText.Rules(sql).Contains("renaming-table").ShouldBe(reported);
    }

    [Fact]
    public void A_suppression_with_a_reason_hides_its_rule_on_that_statement_only()
    {
        var result = new MigrationLinter().LintScript("m.sql", """
            -- strata:lint-ignore renaming-column nothing reads nick since release 41
            ALTER TABLE users RENAME COLUMN nick TO nickname;
            ALTER TABLE users RENAME COLUMN mail TO email;
            """);
        result.Findings.ShouldHaveSingleItem().Line.ShouldBe(3);
        result.Suppressed.ShouldBe(1);
    }

    [Fact]
    public void A_suppression_inside_the_statement_counts()
    {
        LintText.Rules("ALTER TABLE users -- strata:lint-ignore renaming-table the old name is kept as a view\n  RENAME TO accounts;").ShouldBeEmpty();
    }

    [Fact]
    public void A_suppression_after_a_statement_on_its_line_belongs_to_that_statement_not_the_next()
    {
        var result = new MigrationLinter().LintScript("m.sql", """
            ALTER TABLE users ADD COLUMN nick text; -- strata:lint-ignore renaming-column reviewed
            ALTER TABLE users RENAME COLUMN name TO full_name;
            """);
        result.Findings.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            f => f.Rule.ShouldBe("renaming-column"),
            f => f.Line.ShouldBe(2));
        result.Suppressed.ShouldBe(0);
    }

    [Fact]
    public void A_suppression_after_the_last_statement_on_its_line_suppresses_it()
    {
        LintText.Rules("ALTER TABLE users RENAME COLUMN name TO full_name; -- strata:lint-ignore renaming-column reviewed\n").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("UPDATE users SET name = '-- strata:lint-ignore unbatched-data-change x';")]
    [InlineData("UPDATE users SET name = $$\n-- strata:lint-ignore unbatched-data-change x\n$$;")]
    [InlineData("UPDATE users SET \"-- strata:lint-ignore unbatched-data-change x\" = 1;")]
    public void A_suppression_inside_a_string_or_quoted_name_is_not_a_comment(string sql)
    {
        LintText.Rules(sql).ShouldBe(["unbatched-data-change"]);
    }

    [Theory]
    [InlineData("/* strata:lint-ignore renaming-column reviewed */\nALTER TABLE users RENAME COLUMN name TO full_name;")]
    [InlineData("ALTER TABLE users RENAME COLUMN name TO full_name; /* strata:lint-ignore renaming-column reviewed */")]
    [InlineData("-- STRATA:LINT-IGNORE renaming-column reviewed\nALTER TABLE users RENAME COLUMN name TO full_name;")]
    public void A_block_comment_or_an_uppercase_marker_suppresses_too(string sql)
    {
        LintText.Rules(sql).ShouldBeEmpty();
    }

    [Fact]
    public void A_suppression_without_a_reason_or_with_an_unknown_rule_suppresses_nothing_and_says_so()
    {
        var findings = LintText.Sql("""
            -- strata:lint-ignore renaming-column
            -- strata:lint-ignore no-such-rule because
            ALTER TABLE users RENAME COLUMN nick TO nickname;
            """);
        findings.Select(f => f.Rule).ShouldBe(["renaming-column", "invalid-lint-ignore", "invalid-lint-ignore"]);
        findings[2].Message.ShouldContain("'no-such-rule'");
    }

    [Fact]
    public async Task A_missing_path_is_a_one_line_configuration_error()
    {
        var error = await Should.ThrowAsync<Strata.Core.Errors.ConfigurationException>(() =>
            new MigrationLinter().LintPathsAsync(["/nonexistent/x.sql"], CancellationToken.None));
        error.Message.ShouldContain("/nonexistent/x.sql does not exist");
    }
}
