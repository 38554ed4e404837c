using Npgsql;
using Strata.Core.Errors;
using Strata.Core.Lifecycle;
using Strata.Core.Tests.Connections;
using Strata.Core.Tests.Engine;
using Strata.Testing;

namespace Strata.Core.Tests.Lifecycle;

public sealed class DropTests
{
    [Fact]
    public async Task Drops_an_existing_database_and_then_reports_it_missing()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var observer = await TestPostgres.CreateDatabaseAsync();
        var lifecycle = await LifecycleKit.ForAsync(db);

        var first = await lifecycle.DropAsync();
        var second = await lifecycle.DropAsync();

        first.Dropped.ShouldBeTrue();
        second.Dropped.ShouldBeFalse();
        (await LifecycleKit.DatabaseExistsAsync(observer, db.Name)).ShouldBeFalse();
    }

    [Fact]
    public async Task Refuses_a_protected_environment_in_one_line_and_leaves_the_database_there()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE keep_me (id int); INSERT INTO keep_me VALUES (1)");
        using var directory = new TempDirectory();
        var lifecycle = await LifecycleKit.ForEnvironmentAsync(directory, "prod", $$"""{ "database": "{{db.Url}}", "protected": true }""");
        var asked = false;

        var error = await Should.ThrowAsync<ProtectedEnvironmentException>(
            () => lifecycle.DropAsync(new DropOptions { Force = true, Confirm = _ => asked = true }));

        error.Message.ShouldBe(
            $"refusing to drop database '{db.Name}' of environment 'prod': it is marked \"protected\": true in {directory.Combine("strata.json")}; protected environments cannot be dropped by Strata");
        asked.ShouldBeFalse("a protected environment is refused before anyone is asked");
        (await db.ScalarAsync<long>("SELECT count(*) FROM keep_me")).ShouldBe(1);
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("template0")]
    [InlineData("template1")]
    public async Task Never_drops_a_maintenance_database(string name)
    {
        var server = await TestPostgres.ServerAsync();
        var lifecycle = await LifecycleKit.ForUrlAsync(server.UrlFor(name));

        var error = await Should.ThrowAsync<ConfigurationException>(() => lifecycle.DropAsync(new DropOptions { Force = true }));

        error.Message.ShouldStartWith($"refusing to drop database '{name}': postgres, template0 and template1 are maintenance databases");
    }

    [Fact]
    public async Task Asks_with_the_database_and_server_named_and_keeps_it_when_the_answer_is_no()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var lifecycle = await LifecycleKit.ForAsync(db);
        string? question = null;

        await Should.ThrowAsync<ConfigurationException>(
            () => lifecycle.DropAsync(new DropOptions { Confirm = q => { question = q; return false; } }));

        question.ShouldBe($"Drop database '{db.Name}' on {db.Server.Host}:{db.Server.Port}? Every table and row in it will be lost.");
        (await LifecycleKit.DatabaseExistsAsync(db, db.Name)).ShouldBeTrue();
    }

    [Fact]
    public async Task Refuses_a_database_in_use_unless_forced_then_ends_its_sessions()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var observer = await TestPostgres.CreateDatabaseAsync();
        await using var other = new NpgsqlConnection(db.ConnectionString + ";Pooling=false");
        await other.OpenAsync();
        var lifecycle = await LifecycleKit.ForAsync(db);

        var error = await Should.ThrowAsync<DatabaseCommandFailedException>(() => lifecycle.DropAsync());
        error.Message.ShouldBe(
            $"database '{db.Name}' on {db.Server.Host}:{db.Server.Port} was not dropped: 1 other session(s) are connected to it; close them, or drop it ending them first");
        error.NextSteps.ShouldBe([new NextStep(NextStepKind.ListSessions), new NextStep(NextStepKind.DropEndingSessions)]);
        (await LifecycleKit.DatabaseExistsAsync(observer, db.Name)).ShouldBeTrue();

        var forced = await lifecycle.DropAsync(new DropOptions { Force = true });

        forced.Dropped.ShouldBeTrue();
        forced.SessionsEnded.ShouldBe(1);
        await Should.ThrowAsync<NpgsqlException>(async () =>
        {
            await using var command = new NpgsqlCommand("SELECT 1", other);
            await command.ExecuteScalarAsync();
        });
    }
}
