using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Strata.AspNetCore.Tests.Support;
using Strata.Testing;

namespace Strata.AspNetCore.Tests;

/// <summary>What an ASP.NET Core developer expects of a library: IOptions, connection strings, idempotent registration, their own data source.</summary>
public sealed class ConventionsTests
{
    [Fact]
    public async Task Reads_the_database_from_the_connection_string_the_options_name()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:notes"] = db.ConnectionString,
            ["DATABASE_URL"] = $"postgres://nobody@127.0.0.1:{Ports.Unused()}/elsewhere",
            ["Strata:ConnectionName"] = "notes",
        });

        var database = host.Get<StrataDatabase>();
        database.Connection.SourceDescription.ShouldContain("ConnectionStrings:notes");
        await using var command = host.Get<NpgsqlDataSource>().CreateCommand("SELECT current_database()");
        (await command.ExecuteScalarAsync()).ShouldBe(db.Name);
        host.Logs.Entries.ShouldContain(e => e.EventId == 1600 && e.Message.Contains("ConnectionStrings:notes"));
    }

    [Fact]
    public async Task A_connection_name_without_its_connection_string_stops_the_start()
    {
        await using var host = TestHost.Create(new Dictionary<string, string?> { ["Strata:ConnectionName"] = "missing" });

        await Should.ThrowAsync<OptionsValidationException>(host.StartAsync);

        host.Logs.Entries.ShouldContain(e => e.EventId == 1604 && e.Message.Contains("ConnectionStrings:missing is not set"));
        host.ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task Options_are_IOptions_bound_from_the_Strata_section_then_every_callback()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var host = await TestHost.StartAsync(
            new Dictionary<string, string?> { ["DATABASE_URL"] = db.Url, ["Strata:Pool:MaxSize"] = "9", ["Strata:Pool:MinSize"] = "1" },
            options => options.Pool.MinSize = 3);

        var options = host.Get<IOptions<StrataOptions>>().Value;
        options.Pool.MaxSize.ShouldBe(9);
        options.Pool.MinSize.ShouldBe(3);
        host.Get<StrataOptions>().ShouldBeSameAs(options);
    }

    [Fact]
    public async Task Calling_AddStrata_twice_registers_once_and_runs_both_callbacks()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var host = await TestHost.StartAsync(
            new Dictionary<string, string?> { ["DATABASE_URL"] = db.Url, ["Strata:MigrateOnStart"] = "true" },
            options => options.UseEmbeddedMigrations(typeof(ConventionsTests).Assembly, "testapp/migrations"),
            afterStrata: builder => builder.AddStrata(options => options.Pool.MaxSize = 4));

        host.App.Services.GetServices<IHostedService>().Count(s => s.GetType().Name == "StrataStartupService").ShouldBe(1);
        host.App.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations
            .Count(r => r.Name == Health.StrataHealth.CheckName).ShouldBe(1);
        new NpgsqlConnectionStringBuilder(host.Get<NpgsqlDataSource>().ConnectionString).MaxPoolSize.ShouldBe(4);
        host.Logs.Entries.Count(e => e.EventId == 1611).ShouldBe(1);
        (await HealthBody.GetAsync(host.Client, "/health/ready")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task Migrates_and_checks_through_an_NpgsqlDataSource_the_app_registered_itself()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var builder = new NpgsqlDataSourceBuilder(db.ConnectionString) { Name = "the-apps-own" };
        builder.ConnectionStringBuilder.ApplicationName = "apps-own-pool";
        await using var appDataSource = builder.Build();
        await using var host = await TestHost.StartAsync(
            new Dictionary<string, string?> { ["Strata:MigrateOnStart"] = "true" },
            options => options.UseEmbeddedMigrations(typeof(ConventionsTests).Assembly, "testapp/migrations"),
            services: services => services.AddSingleton(appDataSource));

        host.Get<NpgsqlDataSource>().ShouldBeSameAs(appDataSource);
        host.Get<DbDataSource>().ShouldBeSameAs(appDataSource);
        host.Get<StrataDatabase>().DataSource.ShouldBeSameAs(appDataSource);
        host.Get<StrataDatabase>().Connection.SourceDescription.ShouldContain("the app's NpgsqlDataSource");
        await using var command = db.DataSource.CreateCommand("SELECT string_agg(version::text, ',' ORDER BY version) FROM public.strata_schema_migrations");
        (await command.ExecuteScalarAsync()).ShouldBe("1,2");
        (await HealthBody.GetAsync(host.Client, "/health/ready")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }
}
