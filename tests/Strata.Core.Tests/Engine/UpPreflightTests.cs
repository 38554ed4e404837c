using Strata.Core.Errors;
using Strata.Core.Execution;
using Strata.Core.Migrations;
using Strata.Core.Planning;
using Strata.Testing;

namespace Strata.Core.Tests.Engine;

public sealed class UpPreflightTests
{
    [Fact]
    public async Task The_preflight_sees_the_planned_migrations_and_the_files_are_read_once()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = new CountingSource(UpTests.ThreeTables());
        var migrator = db.Migrator(source.Inner);
        await migrator.UpAsync(MigrationTarget.Steps(1));
        var counted = new Migrator(db.DataSource, source, EngineTestKit.FastOptions);
        var seen = new List<string>();

        var result = await counted.UpAsync(MigrationTarget.Steps(1), false, Record(seen), CancellationToken.None);

        source.Loads.ShouldBe(1);
        seen.ShouldBe(["2"]);
        result.Migrations.Select(m => m.Version.Value).ShouldBe(["2"]);
    }

    [Fact]
    public async Task The_preflight_sees_the_applied_migrations_the_planned_ones_build_on()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var migrator = db.Migrator(UpTests.ThreeTables());
        await migrator.UpAsync(MigrationTarget.Steps(2));
        var applied = new List<string>();

        await migrator.UpAsync(null, false, (done, _, _) =>
        {
            applied.AddRange(done.Select(m => m.Version.Value));
            return Task.CompletedTask;
        }, CancellationToken.None);

        applied.ShouldBe(["1", "2"]);
    }

    [Fact]
    public async Task A_preflight_that_throws_refuses_the_run_with_nothing_applied()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var migrator = db.Migrator(UpTests.ThreeTables());

        await Should.ThrowAsync<ValidationFailedException>(() => migrator.UpAsync(
            null, false, (_, _, _) => throw new ValidationFailedException("refused"), CancellationToken.None));

        (await db.HistoryVersionsAsync()).ShouldBeEmpty();
        (await db.TableExistsAsync("public.users")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_dry_run_hands_the_same_plan_to_the_preflight_of_the_chosen_phase()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = new TestMigrationSource()
            .Add("1_a.sql", "-- migrate:up\nCREATE TABLE a (id int);\n")
            .Add("2_b.sql", "-- migrate:up phase:post\nDROP TABLE a;\n");
        var seen = new List<string>();

        await db.Migrator(source).UpAsync(MigrationTarget.All.InPhase(MigrationPhase.Pre), true, Record(seen), CancellationToken.None);

        seen.ShouldBe(["1"]);
    }

    private static UpPreflight Record(List<string> seen) => (_, migrations, _) =>
    {
        seen.AddRange(migrations.Select(m => m.Version.Value));
        return Task.CompletedTask;
    };

    private sealed class CountingSource(TestMigrationSource inner) : IMigrationSource
    {
        public TestMigrationSource Inner => inner;

        public int Loads { get; private set; }

        public string Description => inner.Description;

        public Task<IReadOnlyList<Migration>> LoadAsync(CancellationToken cancellationToken)
        {
            Loads++;
            return inner.LoadAsync(cancellationToken);
        }
    }
}
