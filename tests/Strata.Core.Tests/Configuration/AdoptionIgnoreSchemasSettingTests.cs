using Strata.Core.Configuration;
using Strata.Core.Errors;
using Strata.Core.Tests.Connections;

namespace Strata.Core.Tests.Configuration;

public sealed class AdoptionIgnoreSchemasSettingTests
{
    private static readonly Dictionary<string, string> NoVariables = new(StringComparer.Ordinal);

    [Fact]
    public async Task Adoption_ignore_schemas_in_strata_json_reaches_the_engine_options_with_its_origin()
    {
        using var directory = new TempDirectory();
        directory.Write("strata.json", """{ "adoption": { "ignoreSchemas": ["billing", " audit "] } }""");

        var settings = await new StrataSettingsBuilder(directory.Path, NoVariables).BuildAsync();

        settings.AdoptionIgnoreSchemas.Value.ShouldBe(["billing", "audit"]);
        settings.AdoptionIgnoreSchemas.Origin.ShouldBe("adoption.ignoreSchemas in ./strata.json");
        settings.MigratorOptions().AdoptionIgnoreSchemas.ShouldBe(["billing", "audit"]);
        settings.Describe().Single(s => s.Name == "adoption_ignore_schemas").Value.ShouldBe("billing, audit");
    }

    [Fact]
    public async Task Without_an_adoption_section_no_schema_is_ignored()
    {
        using var directory = new TempDirectory();
        directory.Write("strata.json", """{ "historyTable": "ops_history" }""");

        var settings = await new StrataSettingsBuilder(directory.Path, NoVariables).BuildAsync();

        settings.AdoptionIgnoreSchemas.Value.ShouldBeEmpty();
        settings.AdoptionIgnoreSchemas.Source.ShouldBe(SettingSource.Default);
        settings.Describe().Single(s => s.Name == "adoption_ignore_schemas").Value.ShouldBe("(none)");
    }

    [Theory]
    [InlineData("""{ "adoption": ["billing"] }""", "'adoption' must be a JSON object")]
    [InlineData("""{ "adoption": { "ignoreSchemas": "billing" } }""", "'ignoreSchemas' in 'adoption' must be a list of schema names")]
    [InlineData("""{ "adoption": { "ignoreSchemas": ["billing", " "] } }""", "'ignoreSchemas' in 'adoption' must be a list of schema names")]
    [InlineData("""{ "adoption": { "ignoreSchemas": ["a_schema_name_far_longer_than_the_sixty_three_bytes_postgres_allows"] } }""", "longer than a schema name can be")]
    [InlineData("""{ "adoption": { "ignore": ["billing"] } }""", "ignore")]
    public async Task A_malformed_adoption_section_is_a_configuration_error_naming_it(string json, string expected)
    {
        using var directory = new TempDirectory();
        directory.Write("strata.json", json);

        var error = await Should.ThrowAsync<ConfigurationException>(() => new StrataSettingsBuilder(directory.Path, NoVariables).BuildAsync());

        error.Message.ShouldContain(expected);
        error.Message.ShouldContain("strata.json");
    }
}
