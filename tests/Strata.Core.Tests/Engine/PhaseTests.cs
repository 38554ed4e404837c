using Strata.Core.Errors;
using Strata.Core.Migrations;
using Strata.Core.Planning;
using Strata.Testing;

namespace Strata.Core.Tests.Engine;

public sealed class PhaseTests
{
    // 1 and 3 run before the deploy; 2 (dropping what only the old app read) runs after it.
    private static TestMigrationSource Rename() => new TestMigrationSource()
        .Add("1_products.sql", "-- migrate:up\nCREATE TABLE products (id int, name text);\n-- migrate:down\nDROP TABLE products;\n")
        .Add("2_drop_name.sql", "-- migrate:up phase:post\nALTER TABLE products DROP COLUMN name;\n-- migrate:down\nALTER TABLE products ADD COLUMN name text;\n")
        .Add("3_sku.sql", "-- migrate:up\nALTER TABLE products ADD COLUMN sku text;\n-- migrate:down\nALTER TABLE products DROP COLUMN sku;\n");

    [Fact]
    public async Task The_pre_phase_leaves_post_deploy_migrations_pending_and_the_post_phase_applies_them()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var migrator = db.Migrator(Rename());

        var pre = await migrator.UpAsync(MigrationTarget.All.InPhase(MigrationPhase.Pre));

        pre.Migrations.Select(m => m.Version.Value).ShouldBe(["1", "3"]);
        (await db.ScalarAsync<bool>("SELECT EXISTS (SELECT FROM pg_attribute WHERE attrelid = 'products'::regclass AND attname = 'name')")).ShouldBeTrue();
        var between = await migrator.StatusAsync();
        between.Migrations.Select(m => (m.Version.Value, m.State, m.Phase)).ShouldBe(
            [("1", MigrationState.Applied, MigrationPhase.Pre), ("2", MigrationState.Pending, MigrationPhase.Post), ("3", MigrationState.Applied, MigrationPhase.Pre)]);
        (await migrator.ValidateAsync()).Problems.ShouldBeEmpty();

        var post = await migrator.UpAsync(MigrationTarget.All.InPhase(MigrationPhase.Post));

        post.Migrations.Select(m => m.Version.Value).ShouldBe(["2"]);
        (await db.ScalarAsync<bool>("SELECT EXISTS (SELECT FROM pg_attribute WHERE attrelid = 'products'::regclass AND attname = 'name')")).ShouldBeFalse();
        var history = await migrator.HistoryAsync();
        history.Records.Select(r => (r.Version.Value, r.Phase)).ShouldBe([("1", MigrationPhase.Pre), ("3", MigrationPhase.Pre), ("2", MigrationPhase.Post)]);
        (await db.ScalarAsync<string>("SELECT phase FROM strata_schema_migrations WHERE version = '2'")).ShouldBe("post");
    }

    [Fact]
    public async Task Up_without_a_phase_applies_every_phase_in_version_order()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();

        var run = await db.Migrator(Rename()).UpAsync();

        run.Migrations.Select(m => m.Version.Value).ShouldBe(["1", "2", "3"]);
    }

    [Fact]
    public async Task A_migration_skipped_by_an_earlier_post_phase_or_pending_behind_a_post_deploy_one_is_out_of_order()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = new TestMigrationSource()
            .Add("10_a.sql", "-- migrate:up\nCREATE TABLE a (id int);\n")
            .Add("20_b.sql", "-- migrate:up phase:post\nCREATE TABLE b (id int);\n");
        await db.Migrator(source).UpAsync();
        source.Add("15_pre.sql", "-- migrate:up\nCREATE TABLE c (id int);\n")
            .Add("16_post.sql", "-- migrate:up phase:post\nCREATE TABLE d (id int);\n")
            .Add("30_post.sql", "-- migrate:up phase:post\nCREATE TABLE e (id int);\n");

        var status = await db.Migrator(source).StatusAsync();
        var refused = await Should.ThrowAsync<ValidationFailedException>(() => db.Migrator(source).UpAsync());

        status.Migrations.Select(m => (m.Version.Value, m.State)).ShouldBe(
            [("10", MigrationState.Applied), ("15", MigrationState.OutOfOrder), ("16", MigrationState.OutOfOrder), ("20", MigrationState.Applied), ("30", MigrationState.Pending)]);
        refused.Message.ShouldContain("15_pre");
        (await db.HistoryVersionsAsync()).ShouldBe(["10", "20"]);
    }

    [Fact]
    public async Task The_post_phase_refuses_while_an_older_pre_deploy_migration_is_pending_and_changes_nothing()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();

        var refused = await Should.ThrowAsync<ValidationFailedException>(() =>
            db.Migrator(Rename()).UpAsync(MigrationTarget.All.InPhase(MigrationPhase.Post)));

        refused.Message.ShouldBe(
            "Refusing the post-deploy phase: pre-deploy migration 1_products is still pending and older than post-deploy migration 2_drop_name; apply the pre-deploy phase first.");
        refused.NextSteps.Select(s => s.Kind).ShouldBe([NextStepKind.ApplyPreDeploy]);
        (await db.TableExistsAsync("public.products")).ShouldBeFalse();
        (await db.TableExistsAsync("public.strata_schema_migrations")).ShouldBeFalse();
    }

    [Fact]
    public async Task The_post_phase_refuses_while_an_older_pre_deploy_backfill_is_interrupted_and_drops_nothing()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = new TestMigrationSource()
            .Add("1_products.sql", "-- migrate:up\nCREATE TABLE products (id int PRIMARY KEY, name text, sku text);\n" +
                "INSERT INTO products (id, name) SELECT g, 'p' || g FROM generate_series(1, 50) g;\n")
            .Add("2_backfill.sql", "-- migrate:up transaction:false\n-- strata:batch size=10\nUPDATE products SET sku = name WHERE sku IS DISTINCT FROM name;\n")
            .Add("3_drop_name.sql", "-- migrate:up phase:post\nALTER TABLE products DROP COLUMN name;\n");
        await db.Migrator(source).UpAsync(MigrationTarget.All.InPhase(MigrationPhase.Pre));
        // As a run stopped in the backfill's first batches leaves it: the row running at the batched statement.
        await db.ExecuteAsync("UPDATE products SET sku = NULL WHERE id > 20");
        await db.ExecuteAsync("UPDATE strata_schema_migrations SET status = 'running', statements_completed = 0 WHERE version = '2'");

        var refused = await Should.ThrowAsync<ValidationFailedException>(() =>
            db.Migrator(source).UpAsync(MigrationTarget.All.InPhase(MigrationPhase.Post)));

        refused.Message.ShouldBe(
            "Refusing the post-deploy phase: pre-deploy migration 2_backfill stopped in its batched backfill and is older than post-deploy migration " +
            "3_drop_name; apply the pre-deploy phase first.");
        refused.NextSteps.Select(s => s.Kind).ShouldBe([NextStepKind.ApplyPreDeploy]);
        (await db.ScalarAsync<long>("SELECT count(*) FROM products WHERE name IS NOT NULL")).ShouldBe(50);

        await db.Migrator(source).UpAsync(MigrationTarget.All.InPhase(MigrationPhase.Pre));
        await db.Migrator(source).UpAsync(MigrationTarget.All.InPhase(MigrationPhase.Post));

        (await db.ScalarAsync<long>("SELECT count(*) FROM products WHERE sku = 'p' || id")).ShouldBe(50);
    }

    [Fact]
    public async Task A_history_table_without_the_phase_column_is_read_as_it_is_and_gains_the_column_on_the_next_run()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = Rename().Remove("3_sku.sql");
        await db.Migrator(source).UpAsync();
        await db.ExecuteAsync("ALTER TABLE strata_schema_migrations DROP COLUMN phase");

        var status = await db.Migrator(source).StatusAsync();

        status.Migrations.Select(m => m.History!.Phase).ShouldBe([MigrationPhase.Pre, MigrationPhase.Pre]);
        (await db.ScalarAsync<bool>("SELECT EXISTS (SELECT FROM pg_attribute WHERE attrelid = 'strata_schema_migrations'::regclass AND attname = 'phase' AND NOT attisdropped)")).ShouldBeFalse();

        await db.Migrator(Rename()).UpAsync();

        (await db.ScalarAsync<string>("SELECT string_agg(version || ':' || phase, ',' ORDER BY version) FROM strata_schema_migrations")).ShouldBe("1:pre,2:pre,3:pre");
    }

    [Theory]
    [InlineData("-- migrate:up phase:later\nSELECT 1;\n", "1_x.sql:1: phase:later is not valid; write phase:pre (before the deploy, the default) or phase:post (after it).")]
    [InlineData("-- migrate:up\nSELECT 1;\n-- migrate:down phase:post\nSELECT 1;\n", "1_x.sql:3: phase:post belongs on the '-- migrate:up' line: a migration's phase covers both of its sections.")]
    public void A_phase_that_is_not_pre_or_post_or_stands_on_the_down_line_is_a_file_error(string content, string message)
    {
        var error = Should.Throw<MigrationFileException>(() => MigrationParser.Parse("1_x.sql", content));

        error.Message.ShouldBe(message);
    }
}
