using Npgsql;
using Strata.Lint.Rules;
using Strata.Lint.Tests.Support;
using Strata.Testing;

namespace Strata.Lint.Tests.Rules;

/// <summary>adding-volatile-default's list of volatile functions, against the server's own pg_proc.</summary>
public sealed class VolatileFunctionTests
{
    [Theory]
    [InlineData("txid_current()")]
    [InlineData("pg_current_xact_id()")]
    [InlineData("pg_backend_pid()")]
    public void A_stable_function_in_a_default_is_not_a_rewrite(string call)
    {
        LintText.Rules($"ALTER TABLE users ADD COLUMN u text DEFAULT {call};").ShouldNotContain("adding-volatile-default");
    }

    [Fact]
    public async Task Every_listed_function_the_server_knows_is_volatile_there()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var connection = await db.DataSource.OpenConnectionAsync();
        await using (var extensions = new NpgsqlCommand(
            """
            DO $$
            DECLARE name text;
            BEGIN
              FOR name IN SELECT e.name FROM pg_available_extensions e WHERE e.name IN ('uuid-ossp', 'pgcrypto') LOOP
                EXECUTE format('CREATE EXTENSION IF NOT EXISTS %I', name);
              END LOOP;
            END $$;
            """, connection))
        {
            await extensions.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand("SELECT proname, provolatile::text FROM pg_proc WHERE proname = ANY($1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = AddingVolatileDefault.VolatileFunctions.ToArray() });
        var found = new List<(string Name, string Volatility)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                found.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        found.Select(f => f.Name).ShouldContain("gen_random_uuid", "the check reads the catalog");
        found.Where(f => f.Volatility != "v").ShouldBeEmpty("marked stable or immutable in pg_proc, so no rewrite");
    }
}
