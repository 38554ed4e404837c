using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Strata.AspNetCore.Tests.Support;
using Strata.Core.Connections;
using Strata.Testing;

namespace Strata.AspNetCore.Tests;

public sealed class DataSourceRegistrationTests
{
    [Fact]
    public async Task Registers_one_pooled_data_source_with_the_configured_pool_and_the_app_name()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = db.Url,
            ["Strata:Pool:MinSize"] = "2",
            ["Strata:Pool:MaxSize"] = "7",
            ["Strata:Pool:ConnectionLifetime"] = "5m",
            ["Strata:Pool:CommandTimeout"] = "45s",
        });

        var dataSource = host.Get<NpgsqlDataSource>();
        host.Get<NpgsqlDataSource>().ShouldBeSameAs(dataSource);
        host.Get<DbDataSource>().ShouldBeSameAs(dataSource);
        host.Get<StrataDatabase>().DataSource.ShouldBeSameAs(dataSource);
        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        settings.Pooling.ShouldBeTrue();
        settings.MinPoolSize.ShouldBe(2);
        settings.MaxPoolSize.ShouldBe(7);
        settings.ConnectionLifetime.ShouldBe(300);
        settings.CommandTimeout.ShouldBe(45);

        await using var command = dataSource.CreateCommand("SELECT current_database(), application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()");
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        reader.GetString(0).ShouldBe(db.Name);
        reader.GetString(1).ShouldBe(TestHost.ApplicationName);
    }

    [Theory]
    [InlineData(null, 3600, "connection lifetime 3600s")]
    [InlineData("0", 0, "connection lifetime unlimited")]
    public async Task Connection_lifetime_is_an_hour_unless_configured_and_zero_means_no_limit(string? configured, int seconds, string logged)
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = db.Url,
            ["Strata:Pool:ConnectionLifetime"] = configured,
        });

        new NpgsqlConnectionStringBuilder(host.Get<NpgsqlDataSource>().ConnectionString).ConnectionLifetime.ShouldBe(seconds);
        host.Logs.Entries.Where(e => e.EventId == 1600).ShouldHaveSingleItem().Message.ShouldContain(logged);
    }

    [Fact]
    public async Task An_application_name_in_configuration_replaces_the_host_name()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = db.Url,
            ["Strata:ApplicationName"] = "feed-worker",
        });

        await using var command = host.Get<NpgsqlDataSource>().CreateCommand("SELECT current_setting('application_name')");
        (await command.ExecuteScalarAsync()).ShouldBe("feed-worker");
    }

    [Fact]
    public async Task Resolves_DB_variables_and_a_password_file_from_configuration_without_logging_the_password()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var secrets = TestDirectory.Create();
        const string password = "canary-Pa55word-7f3e9";
        File.WriteAllText(secrets.Combine("db-password"), password + "\n");
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["DB_HOST"] = db.Server.Host,
            ["DB_PORT"] = db.Server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DB_NAME"] = db.Name,
            ["DB_USER"] = db.Server.Username,
            ["DB_PASSWORD_FILE"] = secrets.Combine("db-password"),
        });

        var database = host.Get<StrataDatabase>();
        database.Connection.Source.ShouldBe(ConnectionSourceKind.DbVariables);
        database.Connection.PasswordSource.ShouldBe(PasswordSource.File);
        await using var command = host.Get<NpgsqlDataSource>().CreateCommand("SELECT current_database()");
        (await command.ExecuteScalarAsync()).ShouldBe(db.Name);
        host.Logs.AllText().ShouldContain(db.Name);
        host.Logs.AllText().ShouldNotContain(password);
    }

    [Fact]
    public async Task A_data_source_requested_before_the_host_starts_waits_for_the_resolution()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var host = TestHost.Create(new Dictionary<string, string?> { ["DATABASE_URL"] = db.Url });

        var dataSource = host.Get<NpgsqlDataSource>();

        host.Get<StrataDatabase>().IsInitialized.ShouldBeTrue();
        await using var command = dataSource.CreateCommand("SELECT 1");
        (await command.ExecuteScalarAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task An_unreachable_database_does_not_stop_the_app_from_starting()
    {
        var url = $"postgres://postgres@127.0.0.1:{Ports.Unused()}/nowhere";
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["DATABASE_URL"] = url });

        (await host.Client.GetAsync("/health/live")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        host.Get<StrataDatabase>().IsInitialized.ShouldBeTrue();
    }

    [Fact]
    public async Task The_builder_overload_returns_the_builder_and_registers_the_database()
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddStrata().ShouldBeSameAs(builder);
        await using var app = builder.Build();
        app.Services.GetService<StrataDatabase>().ShouldNotBeNull();
    }
}
