using Strata.Core.Errors;
using Strata.Core.Lifecycle;
using Strata.Core.Tests.Engine;
using Strata.Testing;

namespace Strata.Core.Tests.Lifecycle;

public sealed class CreateTests
{
    [Fact]
    public async Task Creates_a_missing_database_and_does_nothing_when_it_exists()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var url = LifecycleKit.NewDatabaseUrl(db, "created", out var name);
        try
        {
            var lifecycle = await LifecycleKit.ForUrlAsync(url);

            var first = await lifecycle.CreateAsync();
            var second = await lifecycle.CreateAsync();

            first.Created.ShouldBeTrue();
            first.Database.ShouldBe(name);
            first.Server.ShouldBe($"{db.Server.Host}:{db.Server.Port}");
            second.Created.ShouldBeFalse();
            (await LifecycleKit.DatabaseExistsAsync(db, name)).ShouldBeTrue();
        }
        finally
        {
            await LifecycleKit.DropQuietlyAsync(url);
        }
    }

    [Fact]
    public async Task Applies_owner_encoding_locale_and_template_and_quotes_an_awkward_name()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var url = LifecycleKit.NewDatabaseUrl(db, "Mixed \"Case\" db", out var name);
        try
        {
            var lifecycle = await LifecycleKit.ForUrlAsync(url);
            var options = new CreateOptions { Owner = db.Server.Username, Encoding = "SQL_ASCII", Locale = "C", Template = "template0" };

            (await lifecycle.CreateAsync(options)).Created.ShouldBeTrue();

            var literal = name.Replace("'", "''", StringComparison.Ordinal);
            (await db.ScalarAsync<string>($"SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = '{literal}'")).ShouldBe("SQL_ASCII");
            (await db.ScalarAsync<string>($"SELECT datcollate FROM pg_database WHERE datname = '{literal}'")).ShouldBe("C");
            (await db.ScalarAsync<string>($"SELECT pg_get_userbyid(datdba)::text FROM pg_database WHERE datname = '{literal}'")).ShouldBe(db.Server.Username);
        }
        finally
        {
            await LifecycleKit.DropQuietlyAsync(url);
        }
    }

    [Fact]
    public async Task A_refused_create_names_the_database_and_the_sqlstate()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var url = LifecycleKit.NewDatabaseUrl(db, "badtemplate", out var name);
        var lifecycle = await LifecycleKit.ForUrlAsync(url);

        var error = await Should.ThrowAsync<DatabaseCommandFailedException>(
            () => lifecycle.CreateAsync(new CreateOptions { Template = "no_such_template_db" }));

        error.Message.ShouldStartWith($"could not create database '{name}' on {db.Server.Host}:{db.Server.Port}: 3D000 ");
        error.SqlState.ShouldBe("3D000");
        (await LifecycleKit.DatabaseExistsAsync(db, name)).ShouldBeFalse();
    }

    [Fact]
    public void The_create_statement_quotes_identifiers_and_literals()
    {
        var sql = DatabaseCreator.Statement("a\"b", new CreateOptions { Owner = "o\"w", Encoding = "UTF'8", Locale = "C", Template = "template0" });

        sql.ShouldBe("CREATE DATABASE \"a\"\"b\" OWNER \"o\"\"w\" ENCODING 'UTF''8' LOCALE 'C' TEMPLATE \"template0\"");
    }
}
