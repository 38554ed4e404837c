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

    // A statistics object lives in its schema's namespace, so it may share its table's name; it is not the table.
    [Fact]
    public void An_object_that_shares_a_table_name_does_not_hide_the_table_columns()
    {
        var table = new SchemaSnapshot([Table("public.t"), Column("public.t.a", "integer")]);
        var withStatistics = new SchemaSnapshot([Table("public.t"), Column("public.t.a", "integer"), Column("public.t.b", "integer"), Statistics("public.t")]);

        SchemaComparer.Compare(withStatistics, table).Differences.Select(d => d.ToString())
            .ShouldBe(["removed column public.t.b", "removed statistics public.t"]);
        SchemaComparer.Compare(table, withStatistics).Differences.Select(d => d.ToString())
            .ShouldBe(["added column public.t.b", "added statistics public.t"]);
        withStatistics.Without(o => o.Kind == "statistics").ShouldBe(new SchemaSnapshot([Table("public.t"), Column("public.t.a", "integer"), Column("public.t.b", "integer")]));
    }

    [Fact]
    public void A_difference_is_one_line_without_control_characters_whatever_the_names_and_comments_hold()
    {
        var comment = new SchemaDifference("table", "public.\"a\nb\"", SchemaChange.Changed, [new AttributeDifference("comment", null, "red \u001b[31m\r\nalert\tx")]);

        comment.ToString().ShouldBe("changed table public.\"a\\u000ab\": comment (none) → red \\u001b[31m alert\\u0009x");
        new SchemaDifference("table", "public.\"a\u0007\"", SchemaChange.Added, []).ToString().ShouldBe("added table public.\"a\\u0007\"");
    }

    [Fact]
    public void A_partition_copy_of_a_trigger_comes_and_goes_with_the_trigger_it_was_cloned_from()
    {
        var table = new SchemaSnapshot([Table("public.p"), Table("public.p1")]);
        var trigger = new SchemaSnapshot([Table("public.p"), Table("public.p1"), Trigger("public.p.t", null), Trigger("public.p1.t", "public.p.t")]);

        SchemaComparer.Compare(table, trigger).Differences.Select(d => d.ToString()).ShouldBe(["added trigger public.p.t"]);
        SchemaComparer.Compare(trigger, table).Differences.Select(d => d.ToString()).ShouldBe(["removed trigger public.p.t"]);
    }

    [Theory]
    [InlineData("orders fixed", "orders\nfixed")]
    [InlineData("SELECT 1\r\n", "SELECT 1\n")]
    public void Values_that_differ_only_in_line_endings_print_differently(string before, string after)
    {
        var difference = new SchemaDifference("table", "public.orders", SchemaChange.Changed, [new AttributeDifference("comment", before, after)]);

        var shown = difference.ToString()["changed table public.orders: comment ".Length..].Split(" → ");

        shown.Length.ShouldBe(2);
        shown[0].ShouldNotBe(shown[1]);
        difference.ToString().ShouldNotContain("\n");
    }

    [Fact]
    public void Line_breaks_read_as_spaces_where_the_values_still_print_differently()
    {
        var body = new SchemaDifference("function", "public.f()", SchemaChange.Changed, [new AttributeDifference("body", "BEGIN\n  RETURN 1;\nEND", "BEGIN\n  RETURN 2;\nEND")]);

        body.ToString().ShouldBe("changed function public.f(): body BEGIN   RETURN 1; END → BEGIN   RETURN 2; END");
    }

    private static SchemaObject Statistics(string name) => new("statistics", name, name, ImmutableSortedDictionary<string, string>.Empty);

    private static SchemaObject Trigger(string name, string? clonedFrom) =>
        new("trigger", name, name[..name.LastIndexOf('.')],
            clonedFrom is null ? ImmutableSortedDictionary<string, string>.Empty : ImmutableSortedDictionary<string, string>.Empty.Add("cloned from", clonedFrom));

    private static SchemaObject Table(string name) => new("table", name, null, ImmutableSortedDictionary<string, string>.Empty);

    private static SchemaObject Column(string name, string type) =>
        new("column", name, name[..name.LastIndexOf('.')], ImmutableSortedDictionary<string, string>.Empty.Add("type", type));
}
