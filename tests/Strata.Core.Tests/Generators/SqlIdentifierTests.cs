using Strata.Core.Generators;
using Strata.Testing;

namespace Strata.Core.Tests.Generators;

public sealed class SqlIdentifierTests
{
    [Fact]
    public async Task Quotes_every_keyword_and_name_exactly_as_the_servers_quote_ident_does()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        string[] names = ["sku", "Order", "col_1$", "élève", "1st", "_x", "say \"hi\"", "with space", "a-b", ""];
        await using var command = db.DataSource.CreateCommand(
            "SELECT w, quote_ident(w) FROM (SELECT word FROM pg_get_keywords() UNION ALL SELECT unnest($1::text[])) AS k(w)");
        command.Parameters.AddWithValue(names);
        await using var reader = await command.ExecuteReaderAsync();
        var compared = 0;
        while (await reader.ReadAsync())
        {
            SqlIdentifier.Quote(reader.GetString(0)).ShouldBe(reader.GetString(1), reader.GetString(0));
            compared++;
        }

        compared.ShouldBeGreaterThan(400);
    }
}
