using Strata.Lint.Observation;
using Strata.Testing;

namespace Strata.Lint.Tests.Observation;

public sealed class ObservedRuleCatalogTests
{
    public static TheoryData<string> Ids() => [.. ObservedRuleCatalog.Rules.Select(r => r.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_observed_rule_has_a_page_listed_in_the_index(string id)
    {
        var page = Repository.PathTo("docs", "lint", $"{id}.md");
        File.Exists(page).ShouldBeTrue($"docs/lint/{id}.md is missing");
        File.ReadAllText(page).ShouldStartWith($"# {id}");
        File.ReadAllText(Repository.PathTo("docs", "lint.md")).ShouldContain($"[`{id}`](lint/{id}.md)");
    }

    [Fact]
    public void Observed_rule_ids_do_not_clash_with_static_ones_and_every_overridden_rule_exists()
    {
        var statics = Strata.Lint.Rules.RuleCatalog.Rules.Select(r => r.Id).ToList();
        ObservedRuleCatalog.Rules.Select(r => r.Id).Intersect(statics).ShouldBeEmpty();
        ObservedRuleCatalog.DecidedByObservation.ShouldAllBe(id => statics.Contains(id));
        ObservedRuleCatalog.DecidedBySchemaComparison.ShouldAllBe(id => statics.Contains(id));
    }
}
