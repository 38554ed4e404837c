using Strata.Core.Errors;
using Strata.Core.Migrations;
using Strata.Core.Tests.Engine;
using Strata.Testing;

namespace Strata.Core.Tests.Adoption;

/// <summary>Only adopt may start Strata's history from another tool's, and only when that history says what is applied.</summary>
public sealed class ForeignHistoryRefusalTests
{
    // dbmate applied 1 and 2; a second run of 2 would empty table a.
    private const string DbmatePurged = """
        CREATE TABLE a (id int);
        INSERT INTO a VALUES (1);
        CREATE TABLE schema_migrations (version varchar(128) PRIMARY KEY);
        INSERT INTO schema_migrations VALUES ('1'), ('2');
        """;

    private static TestMigrationSource Purge() => new TestMigrationSource()
        .Add("1_a.sql", "-- migrate:up\nCREATE TABLE a (id int);\n")
        .Add("2_purge.sql", "-- migrate:up\nDELETE FROM a;\n");

    [Fact]
    public async Task Stamp_baseline_and_up_with_a_baseline_refuse_a_database_another_tool_migrated_and_write_nothing()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync(DbmatePurged);
        var migrator = db.Migrator(Purge());
        var one = MigrationVersion.Parse("1");

        var stamp = await Should.ThrowAsync<AdoptionRequiredException>(() => migrator.StampAsync(one));
        var baseline = await Should.ThrowAsync<AdoptionRequiredException>(() => migrator.BaselineAsync(one));
        var baselineAndUp = await Should.ThrowAsync<AdoptionRequiredException>(() => migrator.BaselineAndUpAsync(one));

        foreach (var error in new[] { stamp, baseline, baselineAndUp })
        {
            error.Message.ShouldStartWith("Refusing to record migrations: public.schema_migrations is dbmate's history table");
            error.NextSteps.ShouldBe([new NextStep(NextStepKind.Adopt)]);
        }

        (await db.TableExistsAsync("public.strata_schema_migrations")).ShouldBeFalse();
        await Should.ThrowAsync<AdoptionRequiredException>(() => migrator.UpAsync());
        (await db.ScalarAsync<long>("SELECT count(*) FROM a")).ShouldBe(1);
    }

    [Fact]
    public async Task Up_refuses_pending_migrations_another_tool_recorded_as_applied_though_strata_history_has_rows()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync(DbmatePurged);
        // A history started around adopt: by hand, or by a version of Strata that did not guard stamp.
        await db.ExecuteAsync("DROP TABLE schema_migrations");
        await db.Migrator(Purge()).StampAsync(MigrationVersion.Parse("1"));
        await db.ExecuteAsync("CREATE TABLE schema_migrations (version varchar(128) PRIMARY KEY); INSERT INTO schema_migrations VALUES ('1'), ('2')");
        var migrator = db.Migrator(Purge().Add("3_b.sql", "-- migrate:up\nCREATE TABLE b (id int);\n"));

        var refused = await Should.ThrowAsync<AdoptionRequiredException>(() => migrator.UpAsync());
        await Should.ThrowAsync<AdoptionRequiredException>(() => migrator.UpAsync(dryRun: true));
        await Should.ThrowAsync<AdoptionRequiredException>(() => migrator.ScriptAsync());
        var refusedWithBaseline = await Should.ThrowAsync<AdoptionRequiredException>(() => migrator.BaselineAndUpAsync(MigrationVersion.Parse("1")));

        foreach (var error in new[] { refused, refusedWithBaseline })
        {
            error.Message.ShouldStartWith(
                "Refusing to run migrations: dbmate's history table public.schema_migrations records 2 as applied, but Strata's history " +
                "public.strata_schema_migrations does not, so it would run again;");
            error.NextSteps.ShouldBe([new NextStep(NextStepKind.Stamp, "2"), new NextStep(NextStepKind.ShowStatus)]);
        }

        (await db.ScalarAsync<long>("SELECT count(*) FROM a")).ShouldBe(1);
        (await db.TableExistsAsync("public.b")).ShouldBeFalse();
        (await db.HistoryVersionsAsync()).ShouldBe(["1"]);

        await migrator.StampAsync(MigrationVersion.Parse("2"));
        (await migrator.UpAsync()).Migrations.Select(m => m.Version.Value).ShouldBe(["3"]);
        (await db.ScalarAsync<long>("SELECT count(*) FROM a")).ShouldBe(1);
    }

    // After adopt, a version the other tool's table still records may be one Strata rolled back since: stamping it would
    // record as applied what down just undid, so the refusal names both readings and offers no stamp.
    [Fact]
    public async Task After_adopt_and_down_up_refuses_without_offering_to_stamp_what_down_undid_and_runs_once_the_table_is_gone()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync(DbmatePurged);
        var source = Purge();
        source.Add("2_purge.sql", "-- migrate:up\nDELETE FROM a;\n-- migrate:down\nSELECT 1;\n");
        var migrator = db.Migrator(source);
        await migrator.AdoptAsync();
        await migrator.DownAsync();

        var refused = await Should.ThrowAsync<AdoptionRequiredException>(() => migrator.UpAsync());

        refused.Message.ShouldContain("records 2 as applied, but Strata's history public.strata_schema_migrations does not");
        refused.Message.ShouldContain("Strata adopted that table earlier: if Strata rolled it back since then, the table no longer describes this database, so drop or rename it");
        refused.NextSteps.ShouldBe([new NextStep(NextStepKind.ShowStatus)]);
        (await db.ScalarAsync<long>("SELECT count(*) FROM a")).ShouldBe(1);

        await db.ExecuteAsync("DROP TABLE schema_migrations");
        (await migrator.UpAsync()).Migrations.Select(m => m.Version.Value).ShouldBe(["2"]);
    }

    // A tool's table the role may not read cannot say what it records: a clear configuration error naming the table and
    // the grants, not a bare database error, and nothing written.
    [Fact]
    public async Task A_tool_history_table_the_role_may_not_read_is_named_with_the_grants_it_needs()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var role = "strata_reader_" + db.Name;
        await db.ExecuteAsync(
            $"CREATE ROLE \"{role}\" LOGIN; GRANT CREATE ON SCHEMA public TO \"{role}\"; " +
            "CREATE SCHEMA billing; CREATE TABLE billing.schema_migrations (version varchar(128) PRIMARY KEY); INSERT INTO billing.schema_migrations VALUES ('1');");
        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(db.ConnectionString) { Username = role };
            await using var asRole = Npgsql.NpgsqlDataSource.Create(builder.ConnectionString);
            var migrator = new Migrator(asRole, Purge(), EngineTestKit.FastOptions);

            var refused = await Should.ThrowAsync<ConfigurationException>(() => migrator.UpAsync());
            var status = await Should.ThrowAsync<ConfigurationException>(() => migrator.StatusAsync());

            foreach (var error in new[] { refused, status })
            {
                error.Message.ShouldStartWith("Could not read billing.schema_migrations, which has the shape of dbmate's history table");
                error.Message.ShouldContain("grant the role Strata connects as USAGE on schema billing and SELECT on the table");
            }

            (await db.TableExistsAsync("public.strata_schema_migrations")).ShouldBeFalse();
            (await db.TableExistsAsync("public.a")).ShouldBeFalse();
        }
        finally
        {
            await db.ExecuteAsync($"DROP OWNED BY \"{role}\"; DROP ROLE \"{role}\"");
        }
    }

    [Fact]
    public async Task Stamp_refuses_on_an_empty_history_table_too_and_adopt_then_up_runs_nothing_twice()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync(DbmatePurged);
        var migrator = db.Migrator(Purge().Add("3_b.sql", "-- migrate:up\nCREATE TABLE b (id int);\n"));
        await migrator.AdoptAsync();
        await db.ExecuteAsync("DELETE FROM strata_schema_migrations");

        await Should.ThrowAsync<AdoptionRequiredException>(() => migrator.StampAsync(MigrationVersion.Parse("1")));

        await migrator.AdoptAsync();
        (await migrator.UpAsync()).Migrations.Select(m => m.Version.Value).ShouldBe(["3"]);
        (await db.ScalarAsync<long>("SELECT count(*) FROM a")).ShouldBe(1);
    }

    [Fact]
    public async Task Adopt_to_refuses_a_version_below_migrations_the_other_tool_applied_and_writes_nothing()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE a (id int); INSERT INTO a VALUES (1); CREATE TABLE schema_migrations (version varchar(128) PRIMARY KEY); " +
            "INSERT INTO schema_migrations VALUES ('20240101000001'), ('20240101000003');");
        var source = new TestMigrationSource()
            .Add("20240101000001_a.sql", "-- migrate:up\nCREATE TABLE a (id int);\n")
            .Add("20240101000002_b.sql", "-- migrate:up\nCREATE TABLE b (id int);\n")
            .Add("20240101000003_purge.sql", "-- migrate:up\nDELETE FROM a;\n")
            .Add("20240101000004_c.sql", "-- migrate:up\nCREATE TABLE c (id int);\n");
        var migrator = db.Migrator(source);

        var error = await Should.ThrowAsync<ValidationFailedException>(() => migrator.AdoptAsync(MigrationVersion.Parse("20240101000001")));

        error.Message.ShouldStartWith(
            "Refusing to adopt up to 20240101000001: dbmate recorded migration 20240101000003 as applied in public.schema_migrations, " +
            "which would be left for up to run again");
        error.NextSteps.ShouldBe([new NextStep(NextStepKind.Adopt)]);
        (await db.TableExistsAsync("public.strata_schema_migrations")).ShouldBeFalse();
        (await migrator.AdoptAsync(MigrationVersion.Parse("20240101000003"))).Pending.Select(v => v.Value).ShouldBe(["20240101000004"]);
    }

    [Fact]
    public async Task Adopt_to_refuses_a_version_below_golang_migrates_current_one()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync(ForeignTools.AppliedSchema + ForeignTools.GolangMigrate);

        var error = await Should.ThrowAsync<ValidationFailedException>(() => db.Migrator(UpTests.ThreeTables()).AdoptAsync(MigrationVersion.Parse("1")));

        error.Message.ShouldContain("golang-migrate recorded migration 2 as applied");
        (await db.TableExistsAsync("public.strata_schema_migrations")).ShouldBeFalse();
    }

    [Theory]
    [InlineData(ForeignTools.GolangMigrate + "UPDATE schema_migrations SET dirty = true;", "marked version 2 dirty")]
    [InlineData(ForeignTools.Flyway + "UPDATE flyway_schema_history SET success = false WHERE installed_rank = 2;", "V2__posts.sql (version 2) as failed")]
    public async Task Adopt_to_refuses_a_migration_the_other_tool_left_half_done(string toolSql, string reason)
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync(ForeignTools.AppliedSchema + toolSql);

        var error = await Should.ThrowAsync<ValidationFailedException>(() => db.Migrator(UpTests.ThreeTables()).AdoptAsync(MigrationVersion.Parse("2")));

        error.Message.ShouldContain(reason);
        (await db.TableExistsAsync("public.strata_schema_migrations")).ShouldBeFalse();
    }

    [Fact]
    public async Task Adopt_refuses_two_dbmate_spellings_of_one_version_and_writes_nothing()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync(ForeignTools.AppliedSchema + ForeignTools.Dbmate + "INSERT INTO schema_migrations VALUES ('01');");
        var migrator = db.Migrator(UpTests.ThreeTables());

        var error = await Should.ThrowAsync<ValidationFailedException>(() => migrator.AdoptAsync());

        error.Message.ShouldStartWith("dbmate recorded both '01' and '1' in public.schema_migrations");
        error.NextSteps.ShouldBe([new NextStep(NextStepKind.AdoptUpTo)]);
        (await db.TableExistsAsync("public.strata_schema_migrations")).ShouldBeFalse();
        (await migrator.AdoptAsync(MigrationVersion.Parse("2"))).Recorded.Select(v => v.Value).ShouldBe(["1", "2"]);
    }

    [Fact]
    public async Task A_flyway_history_of_repeatable_migrations_only_does_not_block_up_before_or_after_adopt()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync(ForeignTools.FlywayTable + """
            INSERT INTO flyway_schema_history VALUES
                (0, NULL, '<< Flyway Schema Creation >>', 'SCHEMA', '"public"', NULL, 'app', '2022-03-04 05:06:07', 0, true),
                (1, NULL, 'views', 'SQL', 'R__views.sql', 4711, 'app', '2022-03-04 05:06:08', 3, true);
            """);
        var migrator = db.Migrator(UpTests.ThreeTables());

        var adopted = await migrator.AdoptAsync(dryRun: true);

        adopted.Recorded.ShouldBeEmpty();
        adopted.Skipped.ShouldBe(["R__views.sql (repeatable migration)"]);
        await migrator.AdoptAsync();
        (await migrator.UpAsync()).Migrations.Count.ShouldBe(3);
    }
}
