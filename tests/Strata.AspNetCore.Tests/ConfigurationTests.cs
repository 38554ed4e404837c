using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Strata.AspNetCore.Configuration;
using Strata.AspNetCore.Tests.Support;
using Strata.Core.Errors;
using Strata.Testing;

namespace Strata.AspNetCore.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public void The_resolver_sees_process_variables_overlaid_with_top_level_configuration_values()
    {
        const string variable = "STRATA_ASPNETCORE_TESTS_VARIABLE";
        Environment.SetEnvironmentVariable(variable, "from-process");
        Environment.SetEnvironmentVariable(variable + "_2", "kept");
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                [variable] = "from-configuration",
                ["DATABASE_URL"] = "postgres://app@db.internal/app",
                ["Strata:Pool:MaxSize"] = "9",
            }).Build();
            var options = new StrataOptions();

            StrataConfiguration.Apply(configuration, options);

            options.Environment[variable].ShouldBe("from-configuration");
            options.Environment[variable + "_2"].ShouldBe("kept");
            options.Environment["DATABASE_URL"].ShouldBe("postgres://app@db.internal/app");
            options.Environment.ShouldNotContainKey("Strata");
            options.Pool.MaxSize.ShouldBe(9);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
            Environment.SetEnvironmentVariable(variable + "_2", null);
        }
    }

    [Fact]
    public void Reads_every_engine_setting_from_the_Strata_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Strata:MigrateOnStart"] = "true",
            ["Strata:HistoryTable"] = "ops.schema_history",
            ["Strata:LockTimeout"] = "2s",
            ["Strata:StatementTimeout"] = "10m",
            ["Strata:LockRetries"] = "3",
            ["Strata:LockWait"] = "90s",
            ["Strata:ReadyTimeout"] = "1500ms",
            ["Strata:Environment"] = "staging",
        }).Build();
        var options = new StrataOptions();

        StrataConfiguration.Apply(configuration, options);

        options.MigrateOnStart.ShouldBeTrue();
        options.HistoryTable.ShouldBe("ops.schema_history");
        options.LockTimeout.ShouldBe(TimeSpan.FromSeconds(2));
        options.StatementTimeout.ShouldBe(TimeSpan.FromMinutes(10));
        options.LockRetries.ShouldBe(3);
        options.LockWait.ShouldBe(TimeSpan.FromSeconds(90));
        options.ReadyTimeout.ShouldBe(TimeSpan.FromMilliseconds(1500));
        options.EnvironmentName.ShouldBe("staging");
    }

    [Theory]
    [InlineData("Strata:Pool:MaxSize", "lots", "configuration value Strata:Pool:MaxSize is 'lots', which is not a whole number")]
    [InlineData("Strata:Pool:MaxSize", "0", "Strata:Pool:MaxSize must be at least 1, not 0")]
    [InlineData("Strata:Pool:MinSize", "200", "Strata:Pool:MinSize (200) is larger than Strata:Pool:MaxSize (100)")]
    [InlineData("Strata:Pool:MaxAutoPrepare", "-1", "configuration value Strata:Pool:MaxAutoPrepare is '-1', which is not a whole number")]
    [InlineData("Strata:Pool:Multiplexing", "sometimes", "configuration value Strata:Pool:Multiplexing is 'sometimes', which is not true or false")]
    [InlineData("Strata:MigrateOnStart", "yes", "configuration value Strata:MigrateOnStart is 'yes', which is not true or false")]
    [InlineData("Strata:LockWait", "5", "configuration value Strata:LockWait '5': a number needs a unit; write 5s for seconds or 5ms for milliseconds")]
    [InlineData("Strata:ReadyTimeout", "0", "Strata:ReadyTimeout must be positive")]
    [InlineData("Strata:HistoryTable", "ops.schema-history", "Strata:HistoryTable must be a table name or schema.table of letters, digits, '_' and '$' (got 'ops.schema-history')")]
    public async Task An_invalid_setting_stops_the_start_and_names_the_setting(string key, string value, string expected)
    {
        await using var host = TestHost.Create(new Dictionary<string, string?> { ["DATABASE_URL"] = "postgres://app@127.0.0.1/app", [key] = value });

        var error = await Should.ThrowAsync<OptionsValidationException>(host.StartAsync);

        error.Message.ShouldContain(expected);
        var line = host.Logs.Entries.Where(e => e.Category.StartsWith("Strata", StringComparison.Ordinal)).ShouldHaveSingleItem();
        line.EventId.ShouldBe(1604);
        line.Level.ShouldBe(Microsoft.Extensions.Logging.LogLevel.Critical);
        line.Message.ShouldContain(expected);
        host.ExitCode.ShouldBe(2);
    }

    [Theory]
    [InlineData("Strata:ReadyTimeout", "")]
    [InlineData("Strata:WaitTimeout", "")]
    [InlineData("Strata:LockWait", ", or 0 to try once without waiting")]
    [InlineData("Strata:LockTimeout", ", or 0 for no timeout")]
    [InlineData("Strata:Pool:CommandTimeout", ", or 0 for no timeout")]
    public async Task A_malformed_duration_is_refused_offering_0_only_where_the_setting_takes_it(string key, string zero)
    {
        await using var host = TestHost.Create(new Dictionary<string, string?> { ["DATABASE_URL"] = "postgres://app@127.0.0.1/app", [key] = "soon" });

        var error = await Should.ThrowAsync<OptionsValidationException>(host.StartAsync);

        error.Message.ShouldEndWith($"configuration value {key} 'soon': write a whole number with a unit, such as 500ms, 2s, 5m or 1h{zero}");
    }

    [Fact]
    public async Task A_malformed_database_url_stops_the_start()
    {
        await using var host = TestHost.Create(new Dictionary<string, string?> { ["DATABASE_URL"] = "postgres://app@db:notaport/app" });

        await Should.ThrowAsync<ConfigurationException>(host.StartAsync);

        host.Logs.Entries.ShouldContain(e => e.EventId == 1602);
    }

    [Fact]
    public async Task Uses_the_strata_json_environment_its_migrations_directory_and_history_table()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var project = MigrationFiles.Write(("1_notes.sql", MigrationFiles.CreateNotes));
        File.WriteAllText(project.Combine("strata.json"), $$"""
            {
              "defaultEnvironment": "app",
              "migrationsDir": "migrations",
              "environments": { "app": { "database": "{{db.Url}}", "historyTable": "app_history" } }
            }
            """);
        await using var host = await TestHost.StartAsync(
            new Dictionary<string, string?> { ["Strata:MigrateOnStart"] = "true", ["Strata:WorkingDirectory"] = project.Path });

        var database = host.Get<StrataDatabase>();
        database.Connection.EnvironmentName.ShouldBe("app");
        database.Migrator.Options.HistoryTable.ToString().ShouldBe("public.app_history");
        await using var command = db.DataSource.CreateCommand("SELECT count(*) FROM public.app_history");
        (await command.ExecuteScalarAsync()).ShouldBe(1L);
    }
}
