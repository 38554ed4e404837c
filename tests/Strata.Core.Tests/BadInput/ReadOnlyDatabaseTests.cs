using Npgsql;
using Strata.Core.Errors;
using Strata.Core.Tests.Engine;
using Strata.Testing;

namespace Strata.Core.Tests.BadInput;

public sealed class ReadOnlyDatabaseTests
{
    [Fact]
    public async Task Up_on_a_read_only_database_says_it_is_read_only_rather_than_asking_for_a_grant()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync("ALTER ROLE CURRENT_USER IN DATABASE " + new NpgsqlConnectionStringBuilder(db.DataSource.ConnectionString).Database + " SET default_transaction_read_only = on");

        var error = await Should.ThrowAsync<ConfigurationException>(() => db.Migrator(UpTests.ThreeTables()).UpAsync());

        error.Message.ShouldContain("25006");
        error.Message.ShouldContain("the database only accepts reads");
        error.Message.ShouldNotContain("grant");
    }
}
