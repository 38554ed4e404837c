using Microsoft.Extensions.Logging;
using Strata.Core.Configuration;
using Strata.Core.Connections;
using Strata.Core.Errors;

namespace Strata.Core.Tests.Connections;

public sealed class ConfigFileTests
{
    private const string Pw = Resolve.KnownPassword;

    private const string Example = """
        // Comments and trailing commas are allowed.
        {
          "defaultEnvironment": "dev",
          "environments": {
            "dev": { "database": "postgres://postgres@localhost/app_dev", "migrationsDir": "db/migrations", "allowSeed": true, },
            "prod": {
              "database": { "fromEnvironment": "PROD_DATABASE_URL" },
              "passwordCommand": "aws rds generate-db-auth-token --hostname prod",
              "migrationsDir": "db/migrations",
              "protected": true,
              "allowSeed": false,
              "historyTable": "ops.strata_schema_migrations",
            },
            "local": { "database": "local" },
            "test": { "database": "local:app_test" },
          },
        }
        """;

    [Fact]
    public async Task Finds_strata_json_in_the_working_directory_and_uses_its_default_environment()
    {
        using var directory = new TempDirectory();
        directory.Write("strata.json", Example);

        var resolved = await Resolve.WithAsync(directory);

        resolved.Source.ShouldBe(ConnectionSourceKind.ConfigDefaultEnvironment);
        resolved.EnvironmentName.ShouldBe("dev");
        resolved.ConfigFilePath.ShouldBe(directory.Combine("strata.json"));
        resolved.SourceDescription.ShouldBe("environment 'dev' from ./strata.json (chosen by defaultEnvironment in ./strata.json)");
        resolved.Settings.ToDisplayUrl().ShouldBe("postgres://postgres@localhost:5432/app_dev");
        (await SettingsAsync(directory)).MigrationsDirectory.Value.ShouldBe(directory.Combine("db/migrations"));
        resolved.AllowSeed.ShouldBeTrue();
        resolved.IsProtected.ShouldBeFalse();
    }

    [Fact]
    public async Task The_config_flag_names_a_file_elsewhere_and_relative_paths_start_at_its_folder()
    {
        using var directory = new TempDirectory();
        directory.Write("deploy/strata.json", """{ "environments": { "dev": { "database": "postgres://u@h/d", "migrationsDir": "../sql", "seedsDir": "seeds" } } }""");
        Directory.CreateDirectory(directory.Combine("app"));

        var resolved = await new ConnectionResolver().ResolveAsync(
            new ConnectionRequest
            {
                ConfigPath = "../deploy/strata.json",
                EnvironmentName = "dev",
                Environment = new Dictionary<string, string>(),
                WorkingDirectory = directory.Combine("app"),
            },
            CancellationToken.None);

        var settings = await new StrataSettingsBuilder(directory.Combine("app"), new Dictionary<string, string>())
            .Set(SettingCatalog.Config, "../deploy/strata.json", "--config")
            .Set(SettingCatalog.Environment, "dev", "--env")
            .BuildAsync();
        resolved.ConfigFilePath.ShouldBe(directory.Combine("deploy/strata.json"));
        settings.MigrationsDirectory.Value.ShouldBe(directory.Combine("sql"));
        settings.SeedsDirectory.Value.ShouldBe(directory.Combine("deploy/seeds"));
    }

    [Fact]
    public async Task Strata_config_names_the_file_like_the_flag()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("conf/strata.json", """{ "defaultEnvironment": "dev", "environments": { "dev": { "database": "postgres://u@h/from_variable" } } }""");

        var resolved = await Resolve.WithAsync(directory, new Dictionary<string, string> { ["STRATA_CONFIG"] = path });

        resolved.Settings.Database.ShouldBe("from_variable");
        resolved.Describe().Single(r => r.Name == "config_file").Origin.ShouldBe("STRATA_CONFIG");
    }

    [Fact]
    public async Task A_missing_explicit_config_file_is_an_error()
    {
        using var directory = new TempDirectory();

        var error = await Should.ThrowAsync<ConfigurationException>(
            () => Resolve.WithAsync(directory, configure: r => r with { ConfigPath = "missing.json" }));

        error.Message.ShouldBe($"The config file {directory.Combine("missing.json")} given by --config does not exist.");
    }

    [Fact]
    public async Task An_explicit_config_file_that_is_a_directory_is_said_to_be_one()
    {
        using var directory = new TempDirectory();
        Directory.CreateDirectory(directory.Combine("config"));

        var error = await Should.ThrowAsync<ConfigurationException>(
            () => Resolve.WithAsync(directory, configure: r => r with { ConfigPath = "config" }));

        error.Message.ShouldBe($"The config file {directory.Combine("config")} given by --config is a directory, not a file.");
    }

    [Fact]
    public async Task An_environment_can_take_its_database_from_a_variable()
    {
        using var directory = new TempDirectory();
        directory.Write("strata.json", Example);

        var resolved = await Resolve.WithAsync(
            directory,
            new Dictionary<string, string> { ["PROD_DATABASE_URL"] = "postgres://app@prod.rds/app" },
            r => r with { EnvironmentName = "prod" });

        resolved.Settings.ToDisplayUrl().ShouldBe("postgres://app@prod.rds:5432/app");
        resolved.SourceDescription.ShouldBe("environment 'prod' from ./strata.json (chosen by --env), database from PROD_DATABASE_URL");
        resolved.IsProtected.ShouldBeTrue();
        resolved.AllowSeed.ShouldBeFalse();
        var settings = await SettingsAsync(
            directory, new Dictionary<string, string> { ["PROD_DATABASE_URL"] = "postgres://app@prod.rds/app" }, b => b.Set(SettingCatalog.Environment, "prod", "--env"));
        settings.HistoryTable.Value.ToString().ShouldBe("ops.strata_schema_migrations");
        resolved.PasswordSource.ShouldBe(PasswordSource.Command);
    }

    [Fact]
    public async Task An_environment_whose_variable_is_not_set_is_an_error()
    {
        using var directory = new TempDirectory();
        directory.Write("strata.json", Example);

        var error = await Should.ThrowAsync<ConfigurationException>(
            () => Resolve.WithAsync(directory, configure: r => r with { EnvironmentName = "prod" }));

        error.Message.ShouldBe("Environment 'prod' in ./strata.json takes its database from the variable PROD_DATABASE_URL, which is not set.");
    }

    [Theory]
    [InlineData("local", "strata_dev")]
    [InlineData("test", "app_test")]
    public async Task An_environment_can_use_the_local_server(string environment, string database)
    {
        using var directory = new TempDirectory();
        directory.Write("strata.json", Example);

        var resolved = await Resolve.WithAsync(directory, configure: r => r with { EnvironmentName = environment });

        resolved.IsLocalDefault.ShouldBeTrue();
        resolved.Source.ShouldBe(ConnectionSourceKind.ExplicitEnvironment);
        resolved.Settings.Database.ShouldBe(database);
    }

    [Fact]
    public async Task The_local_default_takes_its_database_name_and_directories_from_the_config_file()
    {
        using var directory = new TempDirectory();
        directory.Write("strata.json", """{ "localDatabase": "shop_dev", "migrationsDir": "sql/migrations", "historyTable": "schema_history" }""");

        var resolved = await Resolve.WithAsync(directory, new Dictionary<string, string> { ["DATABASE_URL"] = "postgres://u@h/d" });
        var local = await Resolve.WithAsync(directory);

        var settings = await SettingsAsync(directory, new Dictionary<string, string> { ["DATABASE_URL"] = "postgres://u@h/d" });
        resolved.Settings.Database.ShouldBe("d");
        settings.MigrationsDirectory.Value.ShouldBe(directory.Combine("sql/migrations"));
        settings.SeedsDirectory.Value.ShouldBe(directory.Combine("db/seeds"));
        settings.HistoryTable.Value.ToString().ShouldBe("public.schema_history");
        local.Settings.Database.ShouldBe("shop_dev");
    }

    [Fact]
    public async Task Without_a_config_file_the_directories_default_under_the_working_directory()
    {
        using var directory = new TempDirectory();

        var resolved = await Resolve.WithAsync(directory, new Dictionary<string, string> { ["DATABASE_URL"] = "postgres://u@h/d" });

        var settings = await SettingsAsync(directory, new Dictionary<string, string> { ["DATABASE_URL"] = "postgres://u@h/d" });
        settings.MigrationsDirectory.Value.ShouldBe(directory.Combine("db/migrations"));
        settings.SeedsDirectory.Value.ShouldBe(directory.Combine("db/seeds"));
        settings.HistoryTable.Source.ShouldBe(SettingSource.Default);
        resolved.ConfigFilePath.ShouldBeNull();
    }

    [Fact]
    public async Task An_unknown_environment_is_an_error_listing_the_known_ones()
    {
        using var directory = new TempDirectory();
        directory.Write("strata.json", Example);

        var error = await Should.ThrowAsync<ConfigurationException>(
            () => Resolve.WithAsync(directory, new Dictionary<string, string> { ["STRATA_ENV"] = "prd" }));

        error.Message.ShouldBe("Unknown environment 'prd' (chosen by STRATA_ENV); ./strata.json defines: dev, local, prod, test. Did you mean 'prod'?");
    }

    [Fact]
    public async Task Choosing_an_environment_without_a_config_file_is_an_error()
    {
        using var directory = new TempDirectory();

        var error = await Should.ThrowAsync<ConfigurationException>(
            () => Resolve.WithAsync(directory, configure: r => r with { EnvironmentName = "prod" }));

        error.Message.ShouldStartWith("Environment 'prod' was chosen by --env, but there is no strata.json in ");
    }

    public static TheoryData<string, string> InvalidFiles => new()
    {
        { """{ "environment": {} }""", "./strata.json: unknown key 'environment' in the top level (allowed: $schema, defaultEnvironment, environments" },
        { """{ "environments": { "dev": { "database": "postgres://u@h/d", "migrationDir": "x" } } }""", "./strata.json: unknown key 'migrationDir' in environment 'dev' (allowed: database, passwordFile" },
        { """{ "environments": { "dev": { "database": { "fromEnv": "X" } } } }""", "./strata.json: unknown key 'fromEnv' in 'database' of environment 'dev' (allowed: fromEnvironment)" },
        { """{ "environments": { "dev": { "migrationsDir": "x" } } }""", "./strata.json: environment 'dev' has no 'database'" },
        { """{ "environments": { "dev": { "database": 5 } } }""", "'database' of environment 'dev' must be a URL" },
        { """{ "environments": { "dev": { "database": "postgres://u@h/d", "protected": "yes" } } }""", "'protected' in environment 'dev' must be true or false" },
        { """{ "environments": { "dev": { "database": "postgres://u@h/d", "passwordFile": "f", "passwordCommand": "c" } } }""", "environment 'dev' sets both 'passwordFile' and 'passwordCommand'" },
        { """{ "defaultEnvironment": "dev", "environments": { "prod": { "database": "local" } } }""", "defaultEnvironment 'dev' is not one of the environments (prod)" },
        { """{ "environments": { "dev": { "database": "local" }, "dev": { "database": "local" } } }""", "key 'dev' appears twice in 'environments'" },
        { """{ "environments": { "dev": { "database": "local:" } } }""", "'database' of environment 'dev' must name a database of 1 to 63 bytes" },
        { """{ "environments": { "dev": { "database": "local", "protected": null } } }""", "'protected' in environment 'dev' is null: give it a value, or leave the key out" },
        { """{ "migrationsDir": null }""", "'migrationsDir' in the top level is null: give it a value, or leave the key out" },
        { """{ "defaultEnvironment": null, "environments": { "dev": { "database": "local" } } }""", "'defaultEnvironment' in the top level is null" },
        { """{ "lint": { "largeTableRows": "100" } }""", "'largeTableRows' in 'lint' must be a whole number of rows, such as 10000" },
        { """{ "environments": [] }""", "'environments' must be a JSON object" },
        { """[]""", "the top level must be a JSON object" },
        { $$"""{ "environments": { "dev": { "database": "postgres://u:{{Pw}}@h:99999/d" } } }""", "database of environment 'dev' in ./strata.json: port '99999' is not a port number" },
        { $$"""{ "environments": { "dev": { "database": "postgres://u:{{Pw}}@h/d" } }, "defaultEnvironment": 3 }""", "'defaultEnvironment' in the top level must be a non-empty string" },
    };

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public async Task Rejects_an_invalid_config_file_naming_the_key_and_the_file(string content, string message)
    {
        using var directory = new TempDirectory();
        directory.Write("strata.json", content);

        var error = await Should.ThrowAsync<ConfigurationException>(
            () => Resolve.WithAsync(directory, new Dictionary<string, string> { ["DATABASE_URL"] = "postgres://u@h/d" }));

        error.Message.ShouldContain(message);
        MalformedInputTests.ShouldNotRevealThePassword(error);
    }

    [Fact]
    public async Task Malformed_json_is_an_error_with_its_line_number()
    {
        using var directory = new TempDirectory();
        directory.Write("strata.json", $$"""
            {
              "environments": {
                "dev": { "database": "postgres://u:{{Pw}}@h/d" }
                "prod": { "database": "local" }
              }
            }
            """);

        var error = await Should.ThrowAsync<ConfigurationException>(() => Resolve.WithAsync(directory));

        error.Message.ShouldBe("./strata.json: is not valid JSON at line 4, position 5: unexpected '\"'");
        MalformedInputTests.ShouldNotRevealThePassword(error);
    }

    [Fact]
    public async Task A_password_written_in_the_config_file_is_used_with_a_warning()
    {
        using var directory = new TempDirectory();
        directory.Write("strata.json", $$"""{ "defaultEnvironment": "dev", "environments": { "dev": { "database": "postgres://u:{{Pw}}@h/d" } } }""");
        var logger = new CapturingLogger();

        var resolved = await Resolve.WithAsync(directory, logger: logger);

        resolved.Settings.Password.ShouldBe(Pw);
        resolved.PasswordSource.ShouldBe(PasswordSource.ConfigFile);
        var warning = logger.Entries.Single(e => e.Level == LogLevel.Warning);
        warning.EventId.ShouldBe(1003);
        warning.Message.ShouldContain("environment 'dev' contains a password");
        logger.Entries.ShouldAllBe(e => !e.Message.Contains(Pw));
    }

    [Fact]
    public async Task A_config_file_without_passwords_logs_no_warning()
    {
        using var directory = new TempDirectory();
        directory.Write("strata.json", Example);
        var logger = new CapturingLogger();

        await Resolve.WithAsync(directory, logger: logger);

        logger.Entries.ShouldNotContain(e => e.Level >= LogLevel.Warning);
        logger.Entries.ShouldContain(e => e.EventId == 1000);
    }

    // The directories and history table are settings, built from the same strata.json the resolver reads.
    private static Task<StrataSettings> SettingsAsync(
        TempDirectory directory, Dictionary<string, string>? environment = null, Action<StrataSettingsBuilder>? configure = null)
    {
        var builder = new StrataSettingsBuilder(directory.Path, environment ?? new Dictionary<string, string>());
        configure?.Invoke(builder);
        return builder.BuildAsync();
    }
}
