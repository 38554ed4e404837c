using System.Text.RegularExpressions;
using Strata.Lint.Rules;
using Strata.Lint.Tests.Support;
using Strata.Testing;

namespace Strata.Lint.Tests.Rules;

public sealed partial class RuleCatalogTests
{
    public static TheoryData<string> RuleTypes() => [.. RuleCatalog.Rules.Select(r => r.GetType().Name)];

    private static LintRule Rule(string typeName) => RuleCatalog.Rules.Single(r => r.GetType().Name == typeName);

    private static string Example(string typeName, string kind) =>
        Repository.PathTo("src", "Strata.Lint", "Rules", $"{typeName}.{kind}.sql");

    [Fact]
    public void Rule_ids_are_unique_and_kebab_case()
    {
        var ids = RuleCatalog.Rules.Select(r => r.Id).ToList();
        ids.Distinct().Count().ShouldBe(ids.Count);
        ids.ShouldAllBe(id => KebabCase().IsMatch(id));
    }

    [Fact]
    public void Every_rule_class_in_the_assembly_is_in_the_catalog()
    {
        var declared = typeof(LintRule).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(LintRule)) && !t.IsAbstract).Select(t => t.Name);
        declared.ShouldBe(RuleCatalog.Rules.Select(r => r.GetType().Name), ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(RuleTypes))]
    public void Every_rule_has_a_page_naming_its_id_severity_and_versions(string typeName)
    {
        var rule = Rule(typeName);
        var page = Repository.PathTo("docs", "lint", $"{rule.Id}.md");
        File.Exists(page).ShouldBeTrue($"docs/lint/{rule.Id}.md is missing");
        var text = File.ReadAllText(page);
        text.ShouldStartWith($"# {rule.Id}");
        text.ShouldContain($"**Severity:** {rule.Severity.ToString().ToLowerInvariant()}");
        text.ShouldContain($"**PostgreSQL versions:** {rule.Versions}");
    }

    [Theory]
    [MemberData(nameof(RuleTypes))]
    public void Every_rule_is_listed_in_the_rule_index(string typeName)
    {
        var index = File.ReadAllText(Repository.PathTo("docs", "lint.md"));
        index.ShouldContain($"[`{Rule(typeName).Id}`](lint/{Rule(typeName).Id}.md)");
    }

    [Theory]
    [MemberData(nameof(RuleTypes))]
    public void Every_rule_s_error_example_breaks_it(string typeName)
    {
        var path = Example(typeName, "error");
        File.Exists(path).ShouldBeTrue($"{typeName}.error.sql is missing");
        LintText.Rules(File.ReadAllText(path)).ShouldContain(Rule(typeName).Id);
    }

    [Theory]
    [MemberData(nameof(RuleTypes))]
    public void Every_rule_s_ok_example_does_not_break_it(string typeName)
    {
        var path = Example(typeName, "ok");
        File.Exists(path).ShouldBeTrue($"{typeName}.ok.sql is missing");
        LintText.Rules(File.ReadAllText(path)).ShouldNotContain(Rule(typeName).Id);
    }

    [Theory]
    [MemberData(nameof(RuleTypes))]
    public void Every_rule_has_a_one_line_summary_and_safe_alternative(string typeName)
    {
        var rule = Rule(typeName);
        rule.Summary.ShouldNotContain('\n');
        rule.SafeAlternative.ShouldNotContain('\n');
        rule.Summary.ShouldNotBeNullOrWhiteSpace();
        rule.SafeAlternative.ShouldNotBeNullOrWhiteSpace();
    }

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$")]
    private static partial Regex KebabCase();
}
