using System.Collections.Immutable;
using Strata.Core.Schema;

namespace Strata.Core.Tests.Schema;

public sealed class SchemaPatternTests
{
    [Theory]
    [InlineData("extension *", "extension", "pg_stat_statements", true)]
    [InlineData("extension *", "table", "public.extension_log", false)]
    [InlineData("public.legacy_*", "table", "public.legacy_orders", true)]
    [InlineData("public.legacy_*", "column", "public.legacy_orders.id", true)]
    [InlineData("public.legacy_*", "table", "app.legacy_orders", false)]
    [InlineData("index public.t_?_idx", "index", "public.t_a_idx", true)]
    [InlineData("index public.t_?_idx", "index", "public.t_ab_idx", false)]
    [InlineData("public.f(integer)", "function", "public.f(integer)", true)]
    public void A_pattern_matches_the_name_or_the_kind_and_name(string pattern, string kind, string name, bool matches)
    {
        var item = new SchemaObject(kind, name, null, ImmutableSortedDictionary<string, string>.Empty);

        new SchemaPattern(pattern).Matches(item).ShouldBe(matches);
    }
}
