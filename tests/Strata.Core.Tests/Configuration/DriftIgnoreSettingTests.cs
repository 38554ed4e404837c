using Strata.Core.Configuration;
using Strata.Core.Errors;
using Strata.Core.Tests.Connections;

namespace Strata.Core.Tests.Configuration;

public sealed class DriftIgnoreSettingTests
{
    private static readonly Dictionary<string, string> NoVariables = new(StringComparer.Ordinal);

    [Fact]
    public async Task Drift_ignore_in_strata_json_becomes_the_settings_list_with_its_origin()
    {
        using var directory = new TempDirectory();
        directory.Write("strata.json", """{ "drift": { "ignore": ["extension *", " public.legacy_* "] } }""");

        var settings = await new StrataSettingsBuilder(directory.Path, NoVariables).BuildAsync();

        settings.DriftIgnore.Value.ShouldBe(["extension *", "public.legacy_*"]);
        settings.DriftIgnore.Source.ShouldBe(SettingSource.ConfigFile);
        settings.DriftIgnore.Origin.ShouldBe("drift.ignore in ./strata.json");
    }

    [Fact]
    public async Task Without_a_drift_section_nothing_is_ignored()
    {
        using var directory = new TempDirectory();
        directory.Write("strata.json", """{ "historyTable": "ops_history" }""");

        var settings = await new StrataSettingsBuilder(directory.Path, NoVariables).BuildAsync();

        settings.DriftIgnore.Value.ShouldBeEmpty();
        settings.DriftIgnore.Source.ShouldBe(SettingSource.Default);
    }

    [Theory]
    [InlineData("""{ "drift": ["extension *"] }""", "'drift' must be a JSON object")]
    [InlineData("""{ "drift": { "ignore": "extension *" } }""", "'ignore' in 'drift' must be a list of non-empty patterns")]
    [InlineData("""{ "drift": { "ignore": ["extension *", ""] } }""", "'ignore' in 'drift' must be a list of non-empty patterns")]
    [InlineData("""{ "drift": { "ignored": ["extension *"] } }""", "ignored")]
    public async Task A_malformed_drift_section_is_a_configuration_error_naming_it(string json, string expected)
    {
        using var directory = new TempDirectory();
        directory.Write("strata.json", json);

        var error = await Should.ThrowAsync<ConfigurationException>(() => new StrataSettingsBuilder(directory.Path, NoVariables).BuildAsync());

        error.Message.ShouldContain(expected);
        error.Message.ShouldContain("strata.json");
    }
}
