using Strata.Core.Errors;
using Strata.Core.Migrations;
using Strata.Core.Planning;
using Strata.Core.Tests.Engine;
using Strata.Testing;

namespace Strata.Core.Tests.BadInput;

public sealed class InconsistentHistoryTests
{
    private const string Row =
        "INSERT INTO strata_schema_migrations (version, description, checksum, checksum_algorithm, status, statements_completed, statements_total, strata_version, origin) " +
        "VALUES ('{0}', 'users', 'x', 'sha256-lf', 'applied', 1, 1, '1.0', 'stamp')";

    [Fact]
    public async Task Two_spellings_of_one_version_are_reported_by_every_command_and_stamp_remove_fixes_them()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var migrator = db.Migrator(UpTests.ThreeTables());
        await migrator.UpAsync();
        await db.ExecuteAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, Row, "01"));

        var error = await Should.ThrowAsync<HistoryInconsistentException>(() => migrator.StatusAsync());
        error.Message.ShouldStartWith("The history table public.strata_schema_migrations is inconsistent: rows '1' and '01' are the same version 1.");
        error.NextSteps.ShouldBe([new NextStep(NextStepKind.Unstamp, "1"), new NextStep(NextStepKind.Stamp)]);
        await Should.ThrowAsync<HistoryInconsistentException>(() => migrator.UpAsync());
        await Should.ThrowAsync<HistoryInconsistentException>(() => migrator.StampAsync(MigrationVersion.Parse("2")));

        (await migrator.UnstampAsync(MigrationVersion.Parse("1"))).Removed.Single().Value.ShouldBe("1");
        await migrator.StampAsync(MigrationVersion.Parse("1"));
        (await migrator.ValidateAsync()).IsValid.ShouldBeTrue();
        (await db.HistoryVersionsAsync()).ShouldBe(["1", "2", "10"]);
    }

    [Fact]
    public async Task Rows_Strata_cannot_read_are_named_in_one_error()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var migrator = db.Migrator(UpTests.ThreeTables());
        await migrator.UpAsync();
        await db.ExecuteAsync(
            "ALTER TABLE strata_schema_migrations DROP CONSTRAINT strata_schema_migrations_version_check, DROP CONSTRAINT strata_schema_migrations_status_check;" +
            string.Format(System.Globalization.CultureInfo.InvariantCulture, Row, "v3") + ";" +
            "UPDATE strata_schema_migrations SET status = 'done' WHERE version = '2'");

        var error = await Should.ThrowAsync<HistoryInconsistentException>(() => migrator.HistoryAsync());

        error.Message.ShouldContain("the row with version '2' has 'done' in column status (text), which Strata never writes");
        error.Message.ShouldContain("the row with version 'v3' does not hold a version (all digits)");
        (await migrator.UnstampAsync(MigrationVersion.Parse("2"))).Removed.Single().Value.ShouldBe("2");
    }

    [Fact]
    public async Task A_column_of_the_wrong_type_is_reported_with_the_row()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var migrator = db.Migrator(UpTests.ThreeTables());
        await migrator.UpAsync();
        await db.ExecuteAsync("ALTER TABLE strata_schema_migrations ALTER COLUMN statements_total TYPE text");
        await db.ExecuteAsync("UPDATE strata_schema_migrations SET statements_total = 'many' WHERE version = '10'");

        var error = await Should.ThrowAsync<HistoryInconsistentException>(() => migrator.StatusAsync());

        error.Message.ShouldContain("the row with version '1' has '1' in column statements_total (text)");
        error.Message.ShouldContain("the row with version '10' has 'many' in column statements_total (text)");
    }

    [Fact]
    public async Task A_version_column_of_another_text_type_is_read()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var migrator = db.Migrator(UpTests.ThreeTables());
        await migrator.UpAsync();
        await db.ExecuteAsync(
            "ALTER TABLE strata_schema_migrations DROP CONSTRAINT strata_schema_migrations_version_check;" +
            "ALTER TABLE strata_schema_migrations ALTER COLUMN version TYPE varchar(20)");

        var status = await migrator.StatusAsync();

        status.Migrations.Select(m => (m.Version.Value, m.State)).ShouldBe([("1", MigrationState.Applied), ("2", MigrationState.Applied), ("10", MigrationState.Applied)]);
    }
}
