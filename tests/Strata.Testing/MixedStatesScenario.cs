using Strata.Core;
using Strata.Core.Errors;
using Strata.Core.Migrations;

namespace Strata.Testing;

/// <summary>
/// A database whose migrations are in every state a report shows: three applied (one of them edited on disk since),
/// a <c>transaction:false</c> migration that failed half-way and needs repair, one pending migration that locks
/// existing tables, and a table and a column added by hand outside migrations (the table's name is markup, to prove
/// it is escaped wherever it is shown).
/// </summary>
public sealed class MixedStatesScenario : IAsyncDisposable
{
    /// <summary>The name of the table created by hand: HTML that would run a script if it were not escaped.</summary>
    public const string MarkupTable = "<script>document.title='injected'</script>";

    private readonly TestDirectory _directory;

    private MixedStatesScenario(TestDirectory directory, TestDatabase database)
    {
        _directory = directory;
        Database = database;
    }

    /// <summary>The project directory: the migrations are in <c>db/migrations</c> below it.</summary>
    public string Root => _directory.Path;

    /// <summary>The migrations directory.</summary>
    public string MigrationsDirectory => Path.Combine(Root, "db", "migrations");

    /// <summary>The database in the mixed state.</summary>
    public TestDatabase Database { get; }

    /// <summary>Builds the scenario on a fresh database.</summary>
    public static async Task<MixedStatesScenario> CreateAsync(CancellationToken cancellationToken = default)
    {
        var scenario = new MixedStatesScenario(TestDirectory.Create(), await TestPostgres.CreateDatabaseAsync(cancellationToken));
        Directory.CreateDirectory(scenario.MigrationsDirectory);
        scenario.Write("1001_create_accounts", "CREATE TABLE accounts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE, created_at timestamptz NOT NULL DEFAULT now());", "DROP TABLE accounts;");
        scenario.Write("1002_create_orders", "CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, account_id bigint NOT NULL REFERENCES accounts, total numeric(10,2) NOT NULL);\nCREATE INDEX orders_account_idx ON orders (account_id);", "DROP TABLE orders;");
        scenario.Write("1003_add_order_note", "ALTER TABLE orders ADD COLUMN note text;", "ALTER TABLE orders DROP COLUMN note;");
        scenario.Write(
            "1004_index_orders_concurrently",
            "CREATE INDEX CONCURRENTLY orders_total_idx ON orders (total);\nCREATE INDEX CONCURRENTLY orders_shipped_idx ON orders (shipped_at);",
            "DROP INDEX CONCURRENTLY IF EXISTS orders_shipped_idx;\nDROP INDEX CONCURRENTLY IF EXISTS orders_total_idx;",
            transaction: false);
        var migrator = new Migrator(scenario.Database.DataSource, new DirectoryMigrationSource(scenario.MigrationsDirectory));
        try
        {
            await migrator.UpAsync(cancellationToken: cancellationToken);
            throw new InvalidOperationException("migration 1004 was meant to fail half-way");
        }
        catch (StrataException)
        {
            // Expected: orders has no shipped_at, so the second statement fails after the first committed.
        }

        scenario.Write("1003_add_order_note", "ALTER TABLE orders ADD COLUMN note varchar(200);", "ALTER TABLE orders DROP COLUMN note;");
        scenario.Write(
            "1005_account_plan",
            "ALTER TABLE accounts ADD COLUMN plan text NOT NULL DEFAULT 'free';\nALTER TABLE orders ALTER COLUMN total TYPE bigint USING (total * 100)::bigint;\nCREATE INDEX accounts_created_idx ON accounts (created_at);",
            "DROP INDEX accounts_created_idx;\nALTER TABLE orders ALTER COLUMN total TYPE numeric(10,2) USING total / 100.0;\nALTER TABLE accounts DROP COLUMN plan;");
        await using var command = scenario.Database.DataSource.CreateCommand(
            $"ALTER TABLE accounts ADD COLUMN hotfix boolean; CREATE TABLE \"{MarkupTable.Replace("\"", "\"\"", StringComparison.Ordinal)}\" (id integer)");
        await command.ExecuteNonQueryAsync(cancellationToken);
        return scenario;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        _directory.Dispose();
    }

    private void Write(string name, string up, string down, bool transaction = true) =>
        File.WriteAllText(
            Path.Combine(MigrationsDirectory, name + ".sql"),
            $"-- migrate:up{(transaction ? "" : " transaction:false")}\n{up}\n\n-- migrate:down{(transaction ? "" : " transaction:false")}\n{down}\n");
}
