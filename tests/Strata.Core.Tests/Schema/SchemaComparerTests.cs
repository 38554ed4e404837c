using System.Collections.Immutable;
using Strata.Core.Schema;

namespace Strata.Core.Tests.Schema;

public sealed class SchemaComparerTests
{
    [Fact]
    public void Equal_schemas_have_no_differences()
    {
        var schema = new SchemaSnapshot([Table("public.t"), Column("public.t.a", "integer")]);

        SchemaComparer.Compare(schema, new SchemaSnapshot([Column("public.t.a", "integer"), Table("public.t")])).AreEqual.ShouldBeTrue();
    }

    [Fact]
    public void A_changed_attribute_is_named_with_both_values()
    {
        var before = new SchemaSnapshot([Table("public.t"), Column("public.t.a", "integer")]);
        var after = new SchemaSnapshot([Table("public.t"), Column("public.t.a", "bigint")]);

        var difference = SchemaComparer.Compare(before, after).Differences.ShouldHaveSingleItem();

        difference.DisplayName.ShouldBe("column public.t.a");
        difference.Change.ShouldBe(SchemaChange.Changed);
        difference.Attributes.ShouldBe([new AttributeDifference("type", "integer", "bigint")]);
        difference.ToString().ShouldBe("changed column public.t.a: type integer → bigint");
    }

    [Fact]
    public void The_columns_of_an_added_or_removed_table_are_not_listed_again()
    {
        var empty = SchemaSnapshot.Empty;
        var table = new SchemaSnapshot([Table("public.t"), Column("public.t.a", "integer"), Column("public.t.b", "text")]);

        SchemaComparer.Compare(empty, table).Differences.ShouldBe([new SchemaDifference("table", "public.t", SchemaChange.Added, [])]);
        SchemaComparer.Compare(table, empty).Differences.Single().Change.ShouldBe(SchemaChange.Removed);
    }

    [Fact]
    public void Without_drops_an_object_and_everything_that_belongs_to_it()
    {
        var schema = new SchemaSnapshot([Table("public.t"), Column("public.t.a", "integer"), Table("public.u")]);

        schema.Without(o => o.Name == "public.t").Objects.Select(o => o.DisplayName).ShouldBe(["table public.u"]);
    }

    private static SchemaObject Table(string name) => new("table", name, null, ImmutableSortedDictionary<string, string>.Empty);

    private static SchemaObject Column(string name, string type) =>
        new("column", name, name[..name.LastIndexOf('.')], ImmutableSortedDictionary<string, string>.Empty.Add("type", type));
}
