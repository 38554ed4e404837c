using Strata.Core.Configuration;
using Strata.Core.Errors;
using Strata.Core.Secrets;
using Strata.Core.Tests.Connections;

namespace Strata.Core.Tests.Configuration;

public sealed class EnvFileTests
{
    [Fact]
    public async Task A_dot_env_in_the_working_directory_gives_variables_under_the_real_environment()
    {
        using var directory = new TempDirectory();
        directory.Write(".env", "# local settings\nexport STRATA_LOCK_TIMEOUT=2s\nSTRATA_HISTORY_TABLE='ops.history' # ours\nSTRATA_LOCK_WAIT=\"30s\"\n");
        var real = new Dictionary<string, string>(StringComparer.Ordinal) { ["STRATA_LOCK_WAIT"] = "45s" };

        var settings = await new StrataSettingsBuilder(directory.Path, real).BuildAsync();

        settings.LockTimeout.Value.ShouldBe(TimeSpan.FromSeconds(2));
        settings.HistoryTable.Value.ToString().ShouldBe("ops.history");
        settings.LockWait.Value.ShouldBe(TimeSpan.FromSeconds(45));
        settings.Variables["STRATA_LOCK_TIMEOUT"].ShouldBe("2s");
    }

    [Fact]
    public async Task An_env_file_setting_reads_that_file_instead_of_dot_env()
    {
        using var directory = new TempDirectory();
        directory.Write(".env", "STRATA_LOCK_TIMEOUT=2s\n");
        directory.Write("ci.env", "STRATA_LOCK_TIMEOUT=3s\n");

        var settings = await new StrataSettingsBuilder(directory.Path, new Dictionary<string, string>())
            .Set(SettingCatalog.EnvFile, "ci.env", "--env-file").BuildAsync();

        settings.LockTimeout.Value.ShouldBe(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task A_missing_env_file_that_was_named_is_an_error_but_a_missing_dot_env_is_not()
    {
        using var directory = new TempDirectory();
        await new StrataSettingsBuilder(directory.Path, new Dictionary<string, string>()).BuildAsync();

        var error = await Should.ThrowAsync<ConfigurationException>(() =>
            new StrataSettingsBuilder(directory.Path, new Dictionary<string, string>()).Set(SettingCatalog.EnvFile, "nope.env", "--env-file").BuildAsync());

        error.Message.ShouldBe($"The environment file {System.IO.Path.Combine(directory.Path, "nope.env")} given by --env-file does not exist.");
    }

    [Strata.Core.Tests.BadInput.UnreadableFileFact]
    public async Task An_unreadable_env_file_is_reported_with_the_reason()
    {
        using var directory = new TempDirectory();
        var file = System.IO.Path.Combine(directory.Path, "ci.env");
        Strata.Core.Tests.BadInput.UnreadablePaths.MakeFile(file);
        Strata.Core.Tests.BadInput.UnreadablePaths.MakeFile(System.IO.Path.Combine(directory.Path, ".env"));

        var named = await Should.ThrowAsync<ConfigurationException>(() =>
            new StrataSettingsBuilder(directory.Path, new Dictionary<string, string>()).Set(SettingCatalog.EnvFile, "ci.env", "--env-file").BuildAsync());
        var found = await Should.ThrowAsync<ConfigurationException>(() => new StrataSettingsBuilder(directory.Path, new Dictionary<string, string>()).BuildAsync());

        named.Message.ShouldBe($"The environment file {file} given by --env-file could not be read: permission denied.");
        found.Message.ShouldBe($"The environment file {System.IO.Path.Combine(directory.Path, ".env")} could not be read: permission denied.");
    }

    [Fact]
    public async Task An_env_file_named_that_is_a_directory_is_said_to_be_one()
    {
        using var directory = new TempDirectory();
        System.IO.Directory.CreateDirectory(System.IO.Path.Combine(directory.Path, "env"));

        var error = await Should.ThrowAsync<ConfigurationException>(() =>
            new StrataSettingsBuilder(directory.Path, new Dictionary<string, string>()).Set(SettingCatalog.EnvFile, "env", "--env-file").BuildAsync());

        error.Message.ShouldBe($"The environment file {System.IO.Path.Combine(directory.Path, "env")} given by --env-file is a directory, not a file.");
    }

    [Fact]
    public async Task A_malformed_line_names_the_file_and_line_without_quoting_it()
    {
        using var directory = new TempDirectory();
        directory.Write(".env", "OK=1\nthis is hunter2-secret\n");

        var error = await Should.ThrowAsync<ConfigurationException>(() =>
            new StrataSettingsBuilder(directory.Path, new Dictionary<string, string>()).BuildAsync());

        error.Message.ShouldBe($"{System.IO.Path.Combine(directory.Path, ".env")}:2: expected NAME=value, with a name of letters, digits and underscores.");
    }

    [Fact]
    public async Task Secrets_read_from_the_file_are_redacted()
    {
        using var directory = new TempDirectory();
        var token = "tok-" + Guid.NewGuid().ToString("N");
        directory.Write(".env", $"API_TOKEN={token}\n");

        await new StrataSettingsBuilder(directory.Path, new Dictionary<string, string>()).BuildAsync();

        SecretRedactor.Redact($"server said {token}").ShouldBe($"server said {SecretRedactor.Mask}");
    }
}
