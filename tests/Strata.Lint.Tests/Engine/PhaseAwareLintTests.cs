using Npgsql;
using Strata.Lint.Tests.Support;
using Strata.Testing;

namespace Strata.Lint.Tests.Engine;

/// <summary>A change that breaks the running version is the contract step in a post-deploy migration, and an error before it.</summary>
public sealed class PhaseAwareLintTests
{
    [Theory]
    [InlineData("ALTER TABLE products DROP COLUMN name;", "dropping-column", LintSeverity.Warning)]
    [InlineData("DROP TABLE legacy_products;", "dropping-table", LintSeverity.Warning)]
    [InlineData("ALTER TABLE products RENAME COLUMN name TO sku;", "renaming-column", LintSeverity.Error)]
    [InlineData("ALTER TABLE products RENAME TO items;", "renaming-table", LintSeverity.Error)]
    public void A_breaking_change_keeps_its_severity_before_the_deploy_and_is_info_after_it(string sql, string rule, LintSeverity before)
    {
        var pre = LintText.Sql($"-- migrate:up\n{sql}\n").ShouldHaveSingleItem();
        var post = LintText.Sql($"-- migrate:up phase:post\n{sql}\n").ShouldHaveSingleItem();

        (pre.Rule, pre.Severity).ShouldBe((rule, before));
        (post.Rule, post.Severity).ShouldBe((rule, LintSeverity.Info));
        post.Message.ShouldEndWith("It runs after the deploy (phase:post), as the contract step: only versions that no longer use it may be running then.");
        pre.Message.ShouldNotContain("phase:post");
    }

    [Fact]
    public void A_lock_hazard_stays_an_error_after_the_deploy()
    {
        LintText.Sql("-- migrate:up phase:post\nCREATE INDEX products_name_idx ON products (name);\n")
            .ShouldHaveSingleItem().Severity.ShouldBe(LintSeverity.Error);
    }

    [Fact]
    public void A_table_renamed_behind_a_view_of_its_old_name_in_the_same_transaction_breaks_nothing()
    {
        LintText.Sql("-- migrate:up\nALTER TABLE public.products RENAME TO items;\nCREATE VIEW public.products AS SELECT * FROM public.items;\n")
            .ShouldBeEmpty();
    }

    [Fact]
    public void A_view_of_the_old_name_created_outside_the_renaming_transaction_does_not_help()
    {
        var finding = LintText.Sql("-- migrate:up transaction:false\nALTER TABLE products RENAME TO items;\nCREATE VIEW products AS SELECT * FROM items;\n")
            .ShouldHaveSingleItem();

        (finding.Rule, finding.Severity).ShouldBe(("renaming-table", LintSeverity.Error));
    }

    [Fact]
    public async Task Dynamic_lint_notes_a_post_deploy_break_as_info_and_sees_the_view_that_keeps_a_renamed_table_working()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using (var command = new NpgsqlCommand("CREATE TABLE products (id bigint PRIMARY KEY, name text, sku text);", await db.DataSource.OpenConnectionAsync()))
        {
            await command.ExecuteNonQueryAsync();
        }

        using var directory = new TempDirectory();
        var drop = directory.Write("2_drop.sql", "-- migrate:up phase:post\nALTER TABLE products DROP COLUMN name;\n");
        var rename = directory.Write("3_rename.sql", "-- migrate:up\nALTER TABLE products RENAME TO items;\nCREATE VIEW products AS SELECT * FROM items;\n");
        var options = new DynamicLintOptions { ScratchServer = db.Server.ConnectionStringFor("postgres"), Reference = db.ConnectionString };

        var result = await new MigrationLinter().LintDynamicAsync([drop, rename], options, default);

        var finding = result.Findings.ShouldHaveSingleItem();
        (finding.File, finding.Rule, finding.Severity, finding.Evidence).ShouldBe((drop, "backward-incompatible-change", LintSeverity.Info, LintEvidence.Dynamic));
        finding.Message.ShouldContain("phase:post");
    }
}
