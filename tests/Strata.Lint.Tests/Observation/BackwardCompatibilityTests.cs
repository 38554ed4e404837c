using Npgsql;
using Strata.Lint.Tests.Support;
using Strata.Testing;

namespace Strata.Lint.Tests.Observation;

/// <summary>Renames, drops and type changes found by comparing the scratch database's schema before and after a migration.</summary>
public sealed class BackwardCompatibilityTests
{
    private const string Reference = """
        CREATE TABLE users (id bigint PRIMARY KEY, name text, nickname varchar(40), age int);
        CREATE VIEW adults AS SELECT id, name FROM users WHERE age >= 18;
        """;

    private static string Example(string kind) =>
        File.ReadAllText(Repository.PathTo("src", "Strata.Lint", "Observation", $"BackwardIncompatibleChange.{kind}.sql"));

    [Fact]
    public async Task The_error_example_reports_a_rename_a_drop_and_a_type_change_each_on_its_statement()
    {
        var result = await LintAsync(Reference.Replace("CREATE VIEW adults AS SELECT id, name FROM users WHERE age >= 18;", ""), Example("error"));

        var breaks = result.Findings.Where(f => f.Rule == "backward-incompatible-change").ToList();
        breaks.Select(f => (f.Line, f.Severity, f.Evidence)).ShouldBe([(2, LintSeverity.Error, LintEvidence.Dynamic), (3, LintSeverity.Error, LintEvidence.Dynamic), (4, LintSeverity.Error, LintEvidence.Dynamic)]);
        breaks[0].Message.ShouldStartWith("column public.users.name, which the schema had before this migration, is renamed to public.users.full_name");
        breaks[1].Message.ShouldStartWith("column public.users.nickname, which the schema had before this migration, is dropped");
        breaks[2].Message.ShouldStartWith("column public.users.age, which the schema had before this migration, is changed type (integer → text)");
        breaks[0].Message.ShouldContain("schema models before and after compared");
        result.Findings.ShouldNotContain(f => f.Rule == "renaming-column" || f.Rule == "dropping-column", "the comparison decided, not the text");
    }

    [Fact]
    public async Task The_ok_example_adds_and_widens_and_renames_only_what_the_migration_created()
    {
        var result = await LintAsync(Reference, Example("ok"));

        result.Findings.ShouldNotContain(f => f.Rule == "backward-incompatible-change");
        result.HasFindingsAtLeast(LintSeverity.Error).ShouldBeFalse(string.Join("; ", result.Findings.Select(f => f.Rule + ": " + f.Message)));
    }

    [Fact]
    public async Task A_dropped_table_and_a_renamed_view_are_breaks_too()
    {
        var result = await LintAsync(Reference, "ALTER VIEW adults RENAME TO grown_ups;\nDROP TABLE users CASCADE;");

        result.Findings.Where(f => f.Rule == "backward-incompatible-change").Select(f => f.Message[..f.Message.IndexOf(',', StringComparison.Ordinal)])
            .ShouldBe(["view public.adults", "table public.users"], ignoreOrder: true);
        result.Findings.ShouldNotContain(f => f.Rule == "renaming-table" || f.Rule == "dropping-table");
    }

    [Fact]
    public async Task A_static_drop_guess_the_schema_contradicts_is_listed_as_overridden_by_the_comparison()
    {
        var result = await LintAsync(Reference, "DROP TABLE IF EXISTS legacy_sessions;");

        result.Findings.ShouldBeEmpty();
        result.Overridden.ShouldHaveSingleItem().Rule.ShouldBe("dropping-table");
    }

    [Fact]
    public async Task Suppressing_the_static_rename_rule_suppresses_the_break_on_the_same_statement()
    {
        var result = await LintAsync(Reference, "-- strata:lint-ignore renaming-column no release reads users.name since 41\nALTER TABLE users RENAME COLUMN name TO full_name;");

        result.Findings.ShouldBeEmpty();
        result.Suppressed.ShouldBe(2);
    }

    [Fact]
    public async Task Without_a_reference_the_earlier_migrations_are_the_previous_schema()
    {
        using var directory = new TempDirectory();
        var first = directory.Write("1_users.sql", "-- migrate:up\nCREATE TABLE users (id bigint PRIMARY KEY, name text);\n");
        var second = directory.Write("2_rename.sql", "-- migrate:up\nALTER TABLE users RENAME TO people;\n");
        await using var db = await TestPostgres.CreateDatabaseAsync();

        var result = await new MigrationLinter().LintDynamicAsync([first, second], new DynamicLintOptions { ScratchServer = db.Server.ConnectionStringFor("postgres") }, default);

        var finding = result.Findings.ShouldHaveSingleItem();
        (finding.File, finding.Rule).ShouldBe((second, "backward-incompatible-change"));
        finding.Message.ShouldStartWith("table public.users, which the schema had before this migration, is renamed to public.people");
    }

    [Fact]
    public async Task A_drop_is_pinned_on_the_alter_that_drops_the_column_not_an_earlier_statement_naming_it()
    {
        var result = await LintAsync(Reference + "ALTER TABLE users ADD COLUMN email text;", """
            UPDATE users SET name = email WHERE name IS NULL;
            -- strata:lint-ignore dropping-column email moved to accounts in release 41
            -- strata:lint-ignore backward-incompatible-change email moved to accounts in release 41
            ALTER TABLE users DROP COLUMN email;
            """);

        result.Findings.ShouldNotContain(f => f.Severity == LintSeverity.Error, string.Join("; ", result.Findings.Select(f => $"{f.Line}:{f.Column} {f.Rule}")));
        result.Suppressed.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task A_swap_of_columns_pins_the_break_on_the_rename_not_on_a_drop_of_an_index_named_after_it()
    {
        var result = await LintAsync("CREATE TABLE t (id bigint PRIMARY KEY, a int, b int);\nCREATE INDEX t_b_idx ON t (b);", """
            DROP INDEX t_b_idx;
            ALTER TABLE t RENAME COLUMN a TO a_old;
            ALTER TABLE t RENAME COLUMN b TO a;
            ALTER TABLE t DROP COLUMN a_old;
            """);

        var breaking = result.Findings.Where(f => f.Rule == "backward-incompatible-change").ToList();
        breaking.ShouldContain(f => f.Line == 4 && f.Message.StartsWith("column public.t.b,", StringComparison.Ordinal));
        breaking.ShouldNotContain(f => f.Line == 2);
    }

    private static async Task<LintResult> LintAsync(string reference, string migration)
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using (var command = new NpgsqlCommand(reference, await db.DataSource.OpenConnectionAsync()))
        {
            await command.ExecuteNonQueryAsync();
        }

        using var directory = new TempDirectory();
        var file = directory.Write("2_change.sql", migration.StartsWith("-- migrate:up", StringComparison.Ordinal) ? migration : $"-- migrate:up\n{migration}\n");
        var options = new DynamicLintOptions { ScratchServer = db.Server.ConnectionStringFor("postgres"), Reference = db.ConnectionString };
        return await new MigrationLinter().LintDynamicAsync([file], options, default);
    }
}
