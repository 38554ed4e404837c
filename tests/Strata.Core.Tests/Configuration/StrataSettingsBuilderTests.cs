using Strata.Core.Configuration;
using Strata.Core.Connections;
using Strata.Core.Errors;
using Strata.Core.Tests.Connections;

namespace Strata.Core.Tests.Configuration;

public sealed class StrataSettingsBuilderTests
{
    private static readonly Dictionary<string, string> NoVariables = new(StringComparer.Ordinal);

    [Fact]
    public async Task Uses_the_catalog_defaults_when_nothing_is_given()
    {
        using var directory = new TempDirectory();

        var settings = await new StrataSettingsBuilder(directory.Path, NoVariables).BuildAsync();

        settings.HistoryTable.ShouldBe(new Setting<HistoryTableName>(HistoryTableName.Default, SettingSource.Default, "default"));
        settings.LockTimeout.Value.ShouldBe(TimeSpan.FromMilliseconds(300));
        settings.StatementTimeout.Value.ShouldBe(TimeSpan.Zero);
        settings.LockRetries.Value.ShouldBe(20);
        settings.LockWait.Value.ShouldBe(TimeSpan.FromMinutes(10));
        settings.WaitTimeout.Value.ShouldBe(TimeSpan.FromSeconds(60));
        settings.MigrationsDirectory.Value.ShouldBe(directory.Combine("db/migrations"));
        settings.SeedsDirectory.Value.ShouldBe(directory.Combine("db/seeds"));
        settings.Protected.Value.ShouldBeFalse();
        settings.ConfigFilePath.ShouldBeNull();
    }

    [Fact]
    public async Task The_engine_options_defaults_agree_with_the_catalog()
    {
        using var directory = new TempDirectory();

        var settings = await new StrataSettingsBuilder(directory.Path, NoVariables).BuildAsync();

        settings.MigratorOptions().ShouldBe(new MigratorOptions() with { LockRetryDelay = settings.MigratorOptions().LockRetryDelay });
    }

    [Fact]
    public async Task Layers_explicit_over_variable_over_strata_json_over_default()
    {
        using var directory = new TempDirectory();
        directory.Write("strata.json", """{ "historyTable": "file_history", "migrationsDir": "sql" }""");
        var variables = new Dictionary<string, string> { ["STRATA_HISTORY_TABLE"] = "ops.env_history", ["STRATA_LOCK_WAIT"] = "30s" };

        var fromFile = await new StrataSettingsBuilder(directory.Path, NoVariables).BuildAsync();
        var fromVariable = await new StrataSettingsBuilder(directory.Path, variables).BuildAsync();
        var fromFlag = await new StrataSettingsBuilder(directory.Path, variables)
            .Set(SettingCatalog.HistoryTable, "flag_history", "--history-table")
            .BuildAsync();

        fromFile.HistoryTable.ShouldBe(new Setting<HistoryTableName>(new("public", "file_history"), SettingSource.ConfigFile, "historyTable in ./strata.json"));
        fromFile.MigrationsDirectory.ShouldBe(new Setting<string>(directory.Combine("sql"), SettingSource.ConfigFile, "migrationsDir in ./strata.json"));
        fromVariable.HistoryTable.ShouldBe(new Setting<HistoryTableName>(new("ops", "env_history"), SettingSource.EnvironmentVariable, "STRATA_HISTORY_TABLE"));
        fromVariable.LockWait.ShouldBe(new Setting<TimeSpan>(TimeSpan.FromSeconds(30), SettingSource.EnvironmentVariable, "STRATA_LOCK_WAIT"));
        fromFlag.HistoryTable.ShouldBe(new Setting<HistoryTableName>(new("public", "flag_history"), SettingSource.Explicit, "--history-table"));
        fromFlag.LockWait.Source.ShouldBe(SettingSource.EnvironmentVariable);
    }

    [Fact]
    public async Task The_chosen_environment_of_strata_json_beats_its_top_level_and_brings_its_protection()
    {
        using var directory = new TempDirectory();
        directory.Write("strata.json", """
            {
              "historyTable": "top_history",
              "defaultEnvironment": "prod",
              "environments": {
                "prod": { "database": "postgres://app@db/app", "historyTable": "ops.prod_history", "protected": true },
                "dev": { "database": "local" }
              }
            }
            """);

        var byDefault = await new StrataSettingsBuilder(directory.Path, NoVariables).BuildAsync();
        var explicitDev = await new StrataSettingsBuilder(directory.Path, NoVariables).Set(SettingCatalog.Environment, "dev", "--env").BuildAsync();
        var urlWins = await new StrataSettingsBuilder(directory.Path, new Dictionary<string, string> { ["DATABASE_URL"] = "postgres://x@y/z" }).BuildAsync();

        byDefault.Environment.ShouldBe(new Setting<string?>("prod", SettingSource.ConfigFile, "defaultEnvironment in ./strata.json"));
        byDefault.HistoryTable.Value.ShouldBe(new HistoryTableName("ops", "prod_history"));
        byDefault.HistoryTable.Origin.ShouldBe("historyTable of environment 'prod' in ./strata.json");
        byDefault.Protected.ShouldBe(new Setting<bool>(true, SettingSource.ConfigFile, "protected of environment 'prod' in ./strata.json"));
        explicitDev.Environment.ShouldBe(new Setting<string?>("dev", SettingSource.Explicit, "--env"));
        explicitDev.HistoryTable.Value.ShouldBe(new HistoryTableName("public", "top_history"));
        explicitDev.Protected.Value.ShouldBeFalse();
        urlWins.Environment.Value.ShouldBeNull();
        urlWins.Protected.Value.ShouldBeFalse();
    }

    [Fact]
    public async Task Describes_the_wait_timeout_and_the_drift_ignore_list_with_the_other_settings()
    {
        using var directory = new TempDirectory();
        directory.Write("strata.json", """{ "drift": { "ignore": ["extension *", "public.legacy_*"] } }""");
        var variables = new Dictionary<string, string> { ["STRATA_WAIT_TIMEOUT"] = "30s" };

        var rows = (await new StrataSettingsBuilder(directory.Path, variables).BuildAsync()).Describe();

        rows.Single(r => r.Name == "wait_timeout").ShouldBe(new ResolvedSetting("wait_timeout", "30s", "STRATA_WAIT_TIMEOUT"));
        rows.Single(r => r.Name == "drift_ignore").Value.ShouldBe("extension *, public.legacy_*");
    }

    [Theory]
    [InlineData("STRATA_LOCK_RETRIES", "99999999999", "STRATA_LOCK_RETRIES '99999999999': write a whole number up to 2147483647")]
    [InlineData("STRATA_LINT_LARGE_TABLE_ROWS", "99999999999999999999", "write a whole number of rows up to 9223372036854775807")]
    [InlineData("STRATA_HISTORY_TABLE", "h234567890123456789012345678901234567890123456789012345678901234", "has a part longer than 63 characters, which PostgreSQL would cut short")]
    public async Task A_value_too_large_or_too_long_is_told_so(string variable, string value, string message)
    {
        using var directory = new TempDirectory();
        var variables = new Dictionary<string, string> { [variable] = value };

        var error = await Should.ThrowAsync<ConfigurationException>(() => new StrataSettingsBuilder(directory.Path, variables).BuildAsync());

        error.Message.ShouldContain(message);
    }

    [Fact]
    public async Task Names_every_bad_value_with_where_it_came_from_in_one_error()
    {
        using var directory = new TempDirectory();
        var variables = new Dictionary<string, string> { ["STRATA_LOCK_TIMEOUT"] = "5", ["STRATA_LOCK_RETRIES"] = "many", ["STRATA_JSON"] = "perhaps" };

        var error = await Should.ThrowAsync<ConfigurationException>(() => new StrataSettingsBuilder(directory.Path, variables)
            .Set(SettingCatalog.LockWait, "soon", "--lock-wait")
            .BuildAsync());

        error.Message.ShouldContain("STRATA_LOCK_TIMEOUT '5':");
        error.Message.ShouldContain("STRATA_LOCK_RETRIES 'many': write a whole number");
        error.Message.ShouldContain("--lock-wait 'soon':");
        error.Message.ShouldContain("STRATA_JSON 'perhaps': write true or false");
    }

    [Fact]
    public async Task Refuses_zero_lock_retries_and_a_zero_wait_timeout()
    {
        using var directory = new TempDirectory();

        var error = await Should.ThrowAsync<ConfigurationException>(() => new StrataSettingsBuilder(directory.Path, NoVariables)
            .Set(SettingCatalog.LockRetries, "0", "--lock-retries")
            .Set(SettingCatalog.WaitTimeout, "0", "--timeout")
            .BuildAsync());

        error.Message.ShouldContain("--lock-retries '0': must be at least 1");
        error.Message.ShouldContain("--timeout '0': the wait needs a positive timeout");
    }

    [Theory]
    [InlineData("a.b.c")]
    [InlineData("my-table")]
    [InlineData("1st")]
    public async Task Applies_one_history_table_rule_to_a_flag_a_variable_and_strata_json(string name)
    {
        using var directory = new TempDirectory();
        var rule = "must be a table name or schema.table of letters, digits, '_' and '$'";

        var flag = await Should.ThrowAsync<ConfigurationException>(() => new StrataSettingsBuilder(directory.Path, NoVariables)
            .Set(SettingCatalog.HistoryTable, name, "--history-table").BuildAsync());
        var variable = await Should.ThrowAsync<ConfigurationException>(() =>
            new StrataSettingsBuilder(directory.Path, new Dictionary<string, string> { ["STRATA_HISTORY_TABLE"] = name }).BuildAsync());
        directory.Write("strata.json", $$"""{ "historyTable": "{{name}}" }""");
        var file = await Should.ThrowAsync<ConfigurationException>(() => new StrataSettingsBuilder(directory.Path, NoVariables).BuildAsync());

        flag.Message.ShouldContain(rule);
        variable.Message.ShouldContain(rule);
        file.Message.ShouldContain(rule);
    }

    [Fact]
    public async Task Checks_the_history_table_of_every_environment_even_one_not_in_use()
    {
        using var directory = new TempDirectory();
        directory.Write("strata.json", """{ "environments": { "dev": { "database": "postgres://u@h/d", "historyTable": "a.b.c" } } }""");

        var error = await Should.ThrowAsync<ConfigurationException>(() =>
            new StrataSettingsBuilder(directory.Path, new Dictionary<string, string> { ["DATABASE_URL"] = "postgres://u@h/d" }).BuildAsync());

        error.Message.ShouldBe(
            "historyTable of environment 'dev' in ./strata.json 'a.b.c': must be a table name or schema.table of letters, digits, '_' and '$' (got 'a.b.c')");
    }

    [Fact]
    public async Task A_bad_history_table_of_the_environment_in_use_is_reported_once()
    {
        using var directory = new TempDirectory();
        directory.Write("strata.json", """{ "defaultEnvironment": "dev", "environments": { "dev": { "database": "local", "historyTable": "x-y" } } }""");

        var error = await Should.ThrowAsync<ConfigurationException>(() => new StrataSettingsBuilder(directory.Path, NoVariables).BuildAsync());

        error.Message.ShouldBe(
            "historyTable of environment 'dev' in ./strata.json 'x-y': must be a table name or schema.table of letters, digits, '_' and '$' (got 'x-y')");
    }

    [Fact]
    public async Task Accepts_typed_values_from_code_and_validates_them_like_text()
    {
        using var directory = new TempDirectory();

        var settings = await new StrataSettingsBuilder(directory.Path, NoVariables)
            .Set(SettingCatalog.LockTimeout, TimeSpan.FromSeconds(2), "code")
            .BuildAsync();
        var error = await Should.ThrowAsync<ConfigurationException>(() => new StrataSettingsBuilder(directory.Path, NoVariables)
            .Set(SettingCatalog.LockRetries, -1, "Strata:LockRetries").BuildAsync());

        settings.LockTimeout.ShouldBe(new Setting<TimeSpan>(TimeSpan.FromSeconds(2), SettingSource.Explicit, "code"));
        error.Message.ShouldBe("Strata:LockRetries '-1': must be at least 1");
    }

    [Fact]
    public async Task Relative_paths_start_at_the_working_directory_and_defaults_at_the_config_file()
    {
        using var directory = new TempDirectory();
        directory.Write("project/strata.json", "{}");
        var variables = new Dictionary<string, string> { ["STRATA_CONFIG"] = "project/strata.json", ["STRATA_SEEDS_DIR"] = "fixtures" };

        var settings = await new StrataSettingsBuilder(directory.Path, variables).BuildAsync();

        settings.ConfigFilePath.ShouldBe(directory.Combine("project/strata.json"));
        settings.MigrationsDirectory.Value.ShouldBe(directory.Combine("project/db/migrations"));
        settings.SchemaFile.Value.ShouldBe(directory.Combine("project/db/schema.sql"));
        settings.SeedsDirectory.ShouldBe(new Setting<string>(directory.Combine("fixtures"), SettingSource.EnvironmentVariable, "STRATA_SEEDS_DIR"));
    }

    [Fact]
    public async Task NO_COLOR_turns_colour_off_whatever_its_value()
    {
        using var directory = new TempDirectory();

        var settings = await new StrataSettingsBuilder(directory.Path, new Dictionary<string, string> { ["NO_COLOR"] = "anything" }).BuildAsync();

        settings.NoColor.ShouldBe(new Setting<bool>(true, SettingSource.EnvironmentVariable, "NO_COLOR"));
    }

    [Fact]
    public async Task Describes_each_engine_setting_with_its_origin()
    {
        using var directory = new TempDirectory();

        var settings = await new StrataSettingsBuilder(directory.Path, new Dictionary<string, string> { ["STRATA_LOCK_WAIT"] = "90s" }).BuildAsync();

        var rows = settings.Describe().ToDictionary(r => r.Name);
        rows["lock_wait"].Value.ShouldBe("90s");
        rows["lock_wait"].Origin.ShouldBe("STRATA_LOCK_WAIT");
        rows["history_table"].Value.ShouldBe("public.strata_schema_migrations");
        rows["history_table"].Origin.ShouldBe("default");
        rows["lock_timeout"].Value.ShouldBe("300ms");
    }
}
