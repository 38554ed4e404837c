using Strata.Core.Execution;
using Strata.Core.Generators;
using Strata.Core.Migrations;
using Strata.Testing;

namespace Strata.Lint.Tests.Generators;

public sealed class ConstraintGeneratorTests
{
    private const string Shop = """
        CREATE TABLE products (id bigint PRIMARY KEY, name text, sku text);
        CREATE TABLE orders (id bigint PRIMARY KEY, product_id bigint);
        INSERT INTO products VALUES (1, 'lamp', 'L-1'), (2, 'desk', 'D-1');
        INSERT INTO orders VALUES (1, 1), (2, 2), (3, NULL);
        """;

    [Fact]
    public async Task Set_not_null_adds_a_check_not_valid_validates_it_apart_then_sets_not_null_and_drops_the_check()
    {
        using var sequence = GeneratedSequence.Write(Shop, GeneratorOperation.SetNotNull, ["products.name"]);
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await sequence.ApplyBaseAsync(db);
        var before = await db.ShapeAsync();

        sequence.Descriptions.ShouldBe(["add_not_null_check_products_name", "validate_not_null_check_products_name", "set_not_null_products_name"]);
        sequence.Phases.ShouldAllBe(p => p == MigrationPhase.Pre);
        (await sequence.LintErrorsAsync()).ShouldBeEmpty();

        await sequence.UpStepsAsync(db, 1);

        (await db.ConstraintValidatedAsync("products_name_not_null")).ShouldBe(false);
        (await db.FailsWithAsync("INSERT INTO products VALUES (3, NULL, 'X-1')")).ShouldBe("23514");

        await sequence.UpStepsAsync(db, 1);

        (await db.ConstraintValidatedAsync("products_name_not_null")).ShouldBe(true);

        await sequence.UpStepsAsync(db, 1);
        var after = await db.ShapeAsync();

        (await db.ScalarAsync<bool>("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'products'::regclass AND attname = 'name'")).ShouldBeTrue();
        (await db.ConstraintValidatedAsync("products_name_not_null")).ShouldBeNull();

        await sequence.DownAllAsync(db);

        (await db.ShapeAsync()).ShouldBe(before);

        await sequence.UpAsync(db);

        (await db.ShapeAsync()).ShouldBe(after);
    }

    [Fact]
    public async Task Add_foreign_key_adds_it_not_valid_then_validates_it_in_a_separate_migration()
    {
        using var sequence = GeneratedSequence.Write(Shop, GeneratorOperation.AddForeignKey, ["orders.product_id", "products"]);
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await sequence.ApplyBaseAsync(db);
        var before = await db.ShapeAsync();

        sequence.Descriptions.ShouldBe(["add_foreign_key_orders_product_id", "validate_foreign_key_orders_product_id"]);
        sequence.Phases.ShouldAllBe(p => p == MigrationPhase.Pre);
        (await sequence.LintErrorsAsync()).ShouldBeEmpty();

        await sequence.UpStepsAsync(db, 1);

        (await db.ConstraintValidatedAsync("orders_product_id_fkey")).ShouldBe(false);
        (await db.FailsWithAsync("INSERT INTO orders VALUES (4, 99)")).ShouldBe("23503");

        await sequence.UpStepsAsync(db, 1);
        var after = await db.ShapeAsync();

        (await db.ConstraintValidatedAsync("orders_product_id_fkey")).ShouldBe(true);
        (await db.ScalarAsync<string>("SELECT confrelid::regclass::text FROM pg_constraint WHERE conname = 'orders_product_id_fkey'")).ShouldBe("products");

        await sequence.DownAllAsync(db);

        (await db.ShapeAsync()).ShouldBe(before);

        await sequence.UpAsync(db);

        (await db.ShapeAsync()).ShouldBe(after);
    }

    [Fact]
    public async Task Add_unique_builds_the_index_concurrently_then_attaches_it_as_the_constraint()
    {
        using var sequence = GeneratedSequence.Write(Shop, GeneratorOperation.AddUnique, ["products.sku,name"]);
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await sequence.ApplyBaseAsync(db);
        var before = await db.ShapeAsync();

        sequence.Descriptions.ShouldBe(["add_unique_index_products_sku_name", "add_unique_constraint_products_sku_name"]);
        sequence.Transactional.ShouldBe([false, true]);
        sequence.Migrations[0].Up.Sql.ShouldContain("CREATE UNIQUE INDEX CONCURRENTLY products_sku_name_key ON public.products (sku, name);");
        (await sequence.LintErrorsAsync()).ShouldBeEmpty();

        await sequence.UpStepsAsync(db, 1);

        (await db.IndexValidAsync("products_sku_name_key")).ShouldBe(true);
        (await db.ConstraintValidatedAsync("products_sku_name_key")).ShouldBeNull();

        await sequence.UpStepsAsync(db, 1);
        var after = await db.ShapeAsync();

        (await db.ScalarAsync<string>("SELECT contype::text || ':' || conindid::regclass::text FROM pg_constraint WHERE conname = 'products_sku_name_key'")).ShouldBe("u:products_sku_name_key");
        (await db.FailsWithAsync("INSERT INTO products VALUES (3, 'lamp', 'L-1')")).ShouldBe("23505");

        await sequence.DownAllAsync(db);

        (await db.ShapeAsync()).ShouldBe(before);

        await sequence.UpAsync(db);

        (await db.ShapeAsync()).ShouldBe(after);
    }

    [Fact]
    public async Task A_unique_build_that_fails_on_duplicates_recovers_as_its_comment_says()
    {
        using var sequence = GeneratedSequence.Write(Shop, GeneratorOperation.AddUnique, ["products.name"]);
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await sequence.ApplyBaseAsync(db);
        await db.ExecuteAsync("INSERT INTO products VALUES (3, 'lamp', 'L-2')");

        await Should.ThrowAsync<Strata.Core.Errors.MigrationFailedException>(() => sequence.UpAsync(db));

        (await db.IndexValidAsync("products_name_key")).ShouldBe(false);
        (await sequence.RepairAsync(db, RepairAction.Inspect)).Interrupted.ShouldHaveSingleItem().InvalidIndexes.Select(i => i.ToString()).ShouldBe(["public.products_name_key on products"]);

        await db.ExecuteAsync("DELETE FROM products WHERE id = 3");
        await sequence.RepairAsync(db, RepairAction.Retry);
        await sequence.UpAsync(db);

        (await db.IndexValidAsync("products_name_key")).ShouldBe(true);
        (await db.ConstraintValidatedAsync("products_name_key")).ShouldBe(true);
    }

    [Fact]
    public async Task Add_index_builds_it_concurrently_outside_a_transaction_with_quoted_names()
    {
        const string Orders = """CREATE TABLE "Order" (id bigint PRIMARY KEY, "user" text, created_at timestamptz);""";
        using var sequence = GeneratedSequence.Write(Orders, GeneratorOperation.AddIndex, ["\"Order\".user,created_at"]);
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await sequence.ApplyBaseAsync(db);
        var before = await db.ShapeAsync();

        sequence.Descriptions.ShouldBe(["add_index_order_user_created_at"]);
        sequence.Migrations[0].Up.Options.Transaction.ShouldBeFalse();
        sequence.Migrations[0].Down!.Options.Transaction.ShouldBeFalse();
        sequence.Migrations[0].Up.Sql.ShouldContain("""CREATE INDEX CONCURRENTLY "Order_user_created_at_idx" ON public."Order" ("user", created_at);""");
        (await sequence.LintErrorsAsync()).ShouldBeEmpty();

        await sequence.UpAsync(db);
        var after = await db.ShapeAsync();

        (await db.IndexValidAsync("Order_user_created_at_idx")).ShouldBe(true);
        (await db.ScalarAsync<string>("""SELECT pg_get_indexdef('public."Order_user_created_at_idx"'::regclass)""")).ShouldBe(
            """CREATE INDEX "Order_user_created_at_idx" ON public."Order" USING btree ("user", created_at)""");

        await sequence.DownAllAsync(db);

        (await db.ShapeAsync()).ShouldBe(before);

        await sequence.UpAsync(db);

        (await db.ShapeAsync()).ShouldBe(after);
    }
}
