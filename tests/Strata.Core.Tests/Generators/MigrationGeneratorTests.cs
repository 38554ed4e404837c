using System.Text;
using Strata.Core.Errors;
using Strata.Core.Generators;
using Strata.Core.Migrations;

namespace Strata.Core.Tests.Generators;

public sealed class MigrationGeneratorTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 31, 23, 59, 58, TimeSpan.Zero);

    [Theory]
    [InlineData("products.name", "public", "products", "name")]
    [InlineData("Shop.Products.Name", "shop", "products", "name")]
    [InlineData("\"Shop\".\"Order\".\"user.name\"", "Shop", "Order", "user.name")]
    [InlineData("\"say \"\"hi\"\"\".col", "public", "say \"hi\"", "col")]
    [InlineData("Élèves.Nom", "public", "Élèves", "nom")]
    public void Reads_table_and_column_as_SQL_does_folding_unquoted_names_and_keeping_quoted_ones(string text, string schema, string table, string column)
    {
        IdentifierPath.Column(text, "--set-not-null").ShouldBe(new ColumnName(new TableName(schema, table), column));
    }

    [Theory]
    [InlineData("products", "--set-not-null 'products' is not TABLE.COLUMN or SCHEMA.TABLE.COLUMN")]
    [InlineData("a.b.c.d", "--set-not-null 'a.b.c.d' is not TABLE.COLUMN or SCHEMA.TABLE.COLUMN")]
    [InlineData("products.", "--set-not-null 'products.': a name is empty")]
    [InlineData("products.na-me", "--set-not-null 'products.na-me': 'na-me' is not a name: write letters, digits and underscores, or put it in double quotes")]
    [InlineData("products.\"\"", "--set-not-null 'products.\"\"': a name is empty")]
    public void A_malformed_column_is_a_one_line_error_naming_the_option(string text, string message)
    {
        Should.Throw<GeneratorArgumentException>(() => IdentifierPath.Column(text, "--set-not-null")).Message.ShouldBe(message);
    }

    [Fact]
    public void A_name_over_63_bytes_is_refused_rather_than_truncated_as_PostgreSQL_would()
    {
        var error = Should.Throw<GeneratorArgumentException>(() => IdentifierPath.Column("t." + new string('é', 32), "--set-not-null"));

        error.Message.ShouldEndWith("is longer than PostgreSQL's 63-byte limit for names");
    }

    [Theory]
    [InlineData("sku", "sku")]
    [InlineData("user", "\"user\"")]
    [InlineData("Order", "\"Order\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("col_1$", "\"col_1$\"")]
    [InlineData("élève", "\"élève\"")]
    [InlineData("1st", "\"1st\"")]
    public void Quotes_only_names_that_need_it(string name, string sql)
    {
        SqlIdentifier.Quote(name).ShouldBe(sql);
    }

    [Fact]
    public void Generated_names_stay_within_63_bytes_and_distinct_when_shortened()
    {
        var longTable = new string('t', 40);
        var first = GeneratedName.Of(longTable, "sync", new string('a', 30));
        var second = GeneratedName.Of(longTable, "sync", new string('a', 29) + "b");

        Encoding.UTF8.GetByteCount(first).ShouldBeLessThanOrEqualTo(63);
        Encoding.UTF8.GetByteCount(GeneratedName.Of(new string('é', 31), "sync", new string('é', 31))).ShouldBeLessThanOrEqualTo(63);
        first.ShouldNotBe(second);
        GeneratedName.Of("products", "sync", "sku").ShouldBe("products_sync_sku");
    }

    [Fact]
    public void Every_generated_object_name_fits_PostgreSQL_limit_even_for_the_longest_table_and_column_names()
    {
        var (table, column) = (new string('t', 63), new string('c', 63));
        var requests = new GeneratorRequest[]
        {
            new(GeneratorOperation.RenameColumn, [$"{table}.{column}", new string('n', 63)], "text"),
            new(GeneratorOperation.ChangeType, [$"{table}.{column}", "bigint"], "integer"),
            new(GeneratorOperation.SetNotNull, [$"{table}.{column}"]),
            new(GeneratorOperation.AddForeignKey, [$"{table}.{column}", "other"]),
            new(GeneratorOperation.AddUnique, [$"{table}.{column},c2"]),
            new(GeneratorOperation.AddIndex, [$"{table}.{column}"]),
        };

        var names = requests
            .SelectMany(request => StepRenderer.Render(MigrationGenerator.Generate(request), Now))
            .SelectMany(file => System.Text.RegularExpressions.Regex.Matches(file.Content, @"(?:TRIGGER|FUNCTION public\.|CONSTRAINT|INDEX CONCURRENTLY|COLUMN) ([a-z0-9_]+)"))
            .Select(m => m.Groups[1].Value)
            .Distinct()
            .ToList();

        names.Count.ShouldBeGreaterThan(6);
        names.ShouldAllBe(n => n.Length <= 63);
        names.Exists(n => n.Length == 63 && n[n.Length - 9] == '_').ShouldBeTrue("a shortened name ends with _ and an 8-digit hash");
    }

    [Fact]
    public void Files_get_consecutive_versions_one_second_apart_across_a_year_boundary_and_parse_with_their_phases()
    {
        var files = StepRenderer.Render(MigrationGenerator.Generate(new GeneratorRequest(GeneratorOperation.RenameColumn, ["products.name", "sku"], "text")), Now);

        files.Select(f => f.FileName).ShouldBe([
            "20261231235958_expand_rename_products_name_to_sku.sql",
            "20261231235959_backfill_products_sku.sql",
            "20270101000000_contract_rename_products_name_to_sku.sql",
        ]);
        var parsed = files.Select(f => MigrationParser.Parse(f.FileName, f.Content)).ToList();
        parsed.Select(m => (m.Phase, m.Up.Options.Transaction, m.Down is not null)).ShouldBe([
            (MigrationPhase.Pre, true, true), (MigrationPhase.Pre, false, true), (MigrationPhase.Post, true, true)]);
        files[0].Content.ShouldStartWith("-- Step 1 of 3, before the deploy (strata up --phase pre).\n-- Expand: adds sku (text) beside name");
        files[2].Content.ShouldContain("-- App version: only the new one (using sku) may be running");
        files.ShouldAllBe(f => f.Content.Contains("-- Abort: "));
    }

    [Fact]
    public void Messages_name_the_operation_and_the_column_type_as_the_caller_does()
    {
        var named = new GeneratorRequest(GeneratorOperation.RenameColumn, ["products.name", "sku"]) { OperationName = "--rename-column", ColumnTypeName = "--type" };
        var plain = new GeneratorRequest(GeneratorOperation.RenameColumn, ["products.name", "sku"]);

        Should.Throw<GeneratorArgumentException>(() => MigrationGenerator.Generate(named)).Message
            .ShouldBe("--rename-column needs the current type of products.name: configure a reachable database to read it from, or pass --type TYPE");
        Should.Throw<GeneratorArgumentException>(() => MigrationGenerator.Generate(plain)).Message
            .ShouldBe("RenameColumn needs the current type of products.name: configure a reachable database to read it from, or pass ColumnType TYPE");
    }

    [Theory]
    [InlineData("RenameColumn", new[] { "products.name", "sku" }, "--rename-column needs the current type of products.name: configure a reachable database to read it from, or pass --type TYPE")]
    [InlineData("RenameColumn", new[] { "products.name", "name" }, "--rename-column products.name name: the new name is the old one")]
    [InlineData("RenameTable", new[] { "products", "shop.items" }, "--rename-table 'shop.items' is not a table name without a schema (the table stays in its schema)")]
    [InlineData("ChangeType", new[] { "products.price", "bigint; DROP TABLE x" }, "--change-type needs the current type of products.price: configure a reachable database to read it from, or pass --type TYPE")]
    [InlineData("AddIndex", new[] { "products.a,a" }, "--add-index products.a,a: column a is listed twice")]
    [InlineData("AddForeignKey", new[] { "orders.product_id", "a.b.c.d" }, "--add-foreign-key 'a.b.c.d' is not REFTABLE, REFTABLE.REFCOLUMN or SCHEMA.REFTABLE.REFCOLUMN")]
    [InlineData("SetNotNull", new[] { "a.b", "c" }, "--set-not-null takes one argument, not 2")]
    public void Bad_arguments_are_one_line_errors(string operation, string[] arguments, string message)
    {
        var request = Named(new GeneratorRequest(Enum.Parse<GeneratorOperation>(operation), arguments));

        Should.Throw<GeneratorArgumentException>(() => MigrationGenerator.Generate(request)).Message.ShouldBe(message);
    }

    [Fact]
    public void A_type_that_would_end_the_statement_is_refused()
    {
        var error = Should.Throw<GeneratorArgumentException>(() =>
            MigrationGenerator.Generate(Named(new GeneratorRequest(GeneratorOperation.ChangeType, ["products.price", "bigint; DROP TABLE x"], "integer"))));

        error.Message.ShouldBe("--change-type 'bigint; DROP TABLE x' is not a column type (e.g. bigint, text, numeric(12,2))");
    }

    [Fact]
    public void Only_rename_column_and_change_type_ask_for_the_column_type_and_not_when_it_is_given()
    {
        MigrationGenerator.ColumnTypeNeeded(new GeneratorRequest(GeneratorOperation.RenameColumn, ["s.products.name", "sku"]))
            .ShouldBe(new ColumnName(new TableName("s", "products"), "name"));
        MigrationGenerator.ColumnTypeNeeded(new GeneratorRequest(GeneratorOperation.RenameColumn, ["products.name", "sku"], "text")).ShouldBeNull();
        MigrationGenerator.ColumnTypeNeeded(new GeneratorRequest(GeneratorOperation.SetNotNull, ["products.name"])).ShouldBeNull();
    }

    // The names strata new gives its requests: its flags.
    private static GeneratorRequest Named(GeneratorRequest request) => request with
    {
        OperationName = "--" + System.Text.RegularExpressions.Regex.Replace(request.Operation.ToString(), "(?<=[a-z])(?=[A-Z])", "-").ToLowerInvariant(),
        ColumnTypeName = "--type",
    };
}
