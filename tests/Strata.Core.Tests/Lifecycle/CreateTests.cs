using Strata.Core.Errors;
using Strata.Core.Lifecycle;
using Strata.Core.Tests.Connections;
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

    [Theory]
    [InlineData("create")]
    [InlineData("drop")]
    [InlineData("setup")]
    [InlineData("reset")]
    public async Task A_name_over_63_bytes_is_refused_before_the_server_is_touched(string verb)
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var work = new TempDirectory();
        work.Write("db/migrations/20240101000000_t.sql", "-- migrate:up\nCREATE TABLE t (id int);\n-- migrate:down\n");
        // 62 bytes of ASCII and one two-byte letter: 32 characters fewer than the limit would allow in characters.
        var name = new string('a', 62) + "é";
        var truncated = new string('a', 62);
        var lifecycle = await LifecycleKit.ForUrlAsync(db.Server.UrlFor(name), migrations: work.Combine("db/migrations"));
        await db.ExecuteAsync($"CREATE DATABASE {truncated}");
        try
        {
            Task action = verb switch
            {
                "create" => lifecycle.CreateAsync(),
                "drop" => lifecycle.DropAsync(new DropOptions { Force = true }),
                "setup" => lifecycle.SetupAsync(new SetupOptions { SkipSeed = true }),
                _ => lifecycle.ResetAsync(new ResetOptions { Force = true, Setup = new SetupOptions { SkipSeed = true } }),
            };

            var error = await Should.ThrowAsync<ConfigurationException>(action);

            error.Message.ShouldBe(
                $"cannot {verb switch { "setup" => "create", _ => verb }} database '{name}': its name is 64 bytes long in UTF-8, and PostgreSQL names are at most 63 bytes (longer ones are cut short); choose a shorter name");
            (await LifecycleKit.DatabaseExistsAsync(db, truncated)).ShouldBeTrue();
        }
        finally
        {
            await db.ExecuteAsync($"DROP DATABASE IF EXISTS {truncated}");
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

    // The loser of two CREATE DATABASE at once may get 42P04 or a unique violation on pg_database's name index.
    [Fact]
    public async Task Creates_run_at_once_all_succeed_and_one_of_them_creates()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        for (var round = 0; round < 10; round++)
        {
            var url = LifecycleKit.NewDatabaseUrl(db, $"race{round}", out var name);
            try
            {
                var lifecycles = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => LifecycleKit.ForUrlAsync(url)));

                var results = await Task.WhenAll(lifecycles.Select(l => l.CreateAsync(new CreateOptions())));

                results.Count(r => r.Created).ShouldBe(1);
                (await LifecycleKit.DatabaseExistsAsync(db, name)).ShouldBeTrue();
            }
            finally
            {
                await LifecycleKit.DropQuietlyAsync(url);
            }
        }
    }

    [Fact]
    public void The_create_statement_quotes_identifiers_and_literals()
    {
        var sql = DatabaseCreator.Statement("a\"b", new CreateOptions { Owner = "o\"w", Encoding = "UTF'8", Locale = "C", Template = "template0" });

        sql.ShouldBe("CREATE DATABASE \"a\"\"b\" OWNER \"o\"\"w\" ENCODING 'UTF''8' LOCALE 'C' TEMPLATE \"template0\"");
    }
}
