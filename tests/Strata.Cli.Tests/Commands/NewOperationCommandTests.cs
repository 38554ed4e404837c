using System.Text.Json;
using Npgsql;
using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands;

public sealed class NewOperationCommandTests
{
    private static string[] Migrations(CliHarness cli) =>
        [.. Directory.GetFiles(Path.Combine(cli.WorkingDirectory, "db", "migrations")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    [Fact]
    public async Task Rename_column_with_an_explicit_type_writes_three_files_in_order_without_a_database()
    {
        var cli = new CliHarness();

        var result = await cli.RunAsync("new", "--rename-column", "products.name", "sku", "--type", "text");

        result.ExitCode.ShouldBe(0, result.ToString());
        var files = Migrations(cli);
        files.Select(f => f[15..]).ShouldBe(["expand_rename_products_name_to_sku.sql", "backfill_products_sku.sql", "contract_rename_products_name_to_sku.sql"]);
        files.Select(f => long.Parse(f[..14], System.Globalization.CultureInfo.InvariantCulture)).Order().ShouldBe(files.Select(f => long.Parse(f[..14], System.Globalization.CultureInfo.InvariantCulture)));
        result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(files.Select(f => $"created {Path.Combine("db", "migrations", f)}"));
        File.ReadAllText(Path.Combine(cli.WorkingDirectory, "db", "migrations", files[2])).ShouldContain("-- migrate:up phase:post\n");
    }

    // Files written within the same second, or a sequence whose later steps are already a second or two ahead:
    // each file gets the second after the newest version there.
    // Verify runs each migration's down after its up: a validate step's down must give back the NOT VALID constraint.
    [Theory]
    [InlineData("--set-not-null", "products.sku")]
    [InlineData("--add-foreign-key", "products.category_id", "categories")]
    public async Task The_not_valid_then_validate_sequences_pass_verify(params string[] operation)
    {
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        var cli = new CliHarness();
        var directory = Path.Combine(cli.WorkingDirectory, "db", "migrations");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "1_base.sql"), "-- migrate:up\nCREATE TABLE categories (id bigint PRIMARY KEY);\n" +
            "CREATE TABLE products (id bigint PRIMARY KEY, sku text, category_id bigint);\n-- migrate:down\nDROP TABLE products;\nDROP TABLE categories;\n");
        (await cli.RunAsync(["new", .. operation])).ExitCode.ShouldBe(0);

        var result = await cli.RunAsync("verify", "--scratch-url", scratch.Url);

        result.ExitCode.ShouldBe(0, result.ToString());
    }

    [Fact]
    public async Task Migrations_written_in_quick_succession_never_share_a_version()
    {
        var cli = new CliHarness();

        (await cli.RunAsync("new", "--rename-column", "products.name", "sku", "--type", "text")).ExitCode.ShouldBe(0);
        (await cli.RunAsync("new", "first")).ExitCode.ShouldBe(0);
        (await cli.RunAsync("new", "second")).ExitCode.ShouldBe(0);

        var versions = Migrations(cli).Select(f => f[..14]).ToList();
        versions.Distinct().Count().ShouldBe(5, string.Join(", ", Migrations(cli)));
        Migrations(cli)[3..].Select(f => f[15..]).ShouldBe(["first.sql", "second.sql"]);
    }

    [Fact]
    public async Task Rename_column_reads_the_type_from_the_configured_database()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using (var command = new NpgsqlCommand("CREATE TABLE products (id bigint PRIMARY KEY, name varchar(40))", await db.DataSource.OpenConnectionAsync()))
        {
            await command.ExecuteNonQueryAsync();
        }

        var cli = new CliHarness().With("DATABASE_URL", db.Url);

        var result = await cli.RunAsync("new", "--rename-column", "products.name", "sku");

        result.ExitCode.ShouldBe(0, result.ToString());
        File.ReadAllText(Path.Combine(cli.WorkingDirectory, "db", "migrations", Migrations(cli)[0]))
            .ShouldContain("ALTER TABLE public.products ADD COLUMN sku character varying(40);");
    }

    [Fact]
    public async Task The_generated_files_lint_clean_and_apply_through_the_cli_one_phase_at_a_time()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var cli = new CliHarness().With("DATABASE_URL", db.Url);
        Directory.CreateDirectory(Path.Combine(cli.WorkingDirectory, "db", "migrations"));
        await File.WriteAllTextAsync(
            Path.Combine(cli.WorkingDirectory, "db", "migrations", "1_products.sql"),
            "-- migrate:up\nCREATE TABLE products (id bigint PRIMARY KEY, name text);\nINSERT INTO products VALUES (1, 'lamp');\n-- migrate:down\nDROP TABLE products;\n");
        (await cli.RunAsync("up")).ExitCode.ShouldBe(0);

        (await cli.RunAsync("new", "--rename-column", "products.name", "sku")).ExitCode.ShouldBe(0);
        var lint = await cli.RunAsync("lint", "db/migrations", "--fail-on", "error");
        var pre = await cli.RunAsync("up", "--phase", "pre");
        var status = await cli.RunAsync("status", "--json");
        var post = await cli.RunAsync("up", "--phase", "post");

        lint.ExitCode.ShouldBe(0, lint.ToString());
        lint.Stdout.ShouldContain("0 errors");
        pre.ExitCode.ShouldBe(0, pre.ToString());
        status.Stdout.ShouldContain("contract_rename_products_name_to_sku");
        post.ExitCode.ShouldBe(0, post.ToString());
        await using var command = new NpgsqlCommand("SELECT string_agg(attname, ',' ORDER BY attname) FROM pg_attribute WHERE attrelid = 'products'::regclass AND attnum > 0 AND NOT attisdropped", await db.DataSource.OpenConnectionAsync());
        (await command.ExecuteScalarAsync()).ShouldBe("id,sku");
    }

    // DROP COLUMN silently takes the column's primary key, default, owned sequence and indexes with it: the contract
    // step asks pg_depend what the drop would take and stops before it, rolled back, while anything would be lost.
    [Theory]
    [InlineData(
        "CREATE TABLE users (id serial PRIMARY KEY, name text)",
        new[] { "--change-type", "users.id", "bigint" },
        "dropping column public.users.id_old would also drop constraint users_pkey on table users; default value for column id_old of table users; its NOT NULL, which id lacks; sequence users_id_seq",
        "id:integer,id_new:bigint,name:text")]
    [InlineData(
        "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL); CREATE INDEX users_email_idx ON users (email)",
        new[] { "--rename-column", "users.email", "login" },
        "dropping column public.users.email would also drop index users_email_idx; its NOT NULL, which login lacks",
        "email:text,id:bigint,login:text")]
    public async Task The_contract_step_refuses_to_drop_an_old_column_whose_key_default_sequence_or_index_would_go_with_it(
        string table, string[] operation, string message, string columnsAfter)
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var cli = new CliHarness().With("DATABASE_URL", db.Url);
        Directory.CreateDirectory(Path.Combine(cli.WorkingDirectory, "db", "migrations"));
        await File.WriteAllTextAsync(
            Path.Combine(cli.WorkingDirectory, "db", "migrations", "1_users.sql"),
            $"-- migrate:up\n{table};\n-- migrate:down\nDROP TABLE users;\n");
        (await cli.RunAsync("up")).ExitCode.ShouldBe(0);
        (await cli.RunAsync(["new", .. operation])).ExitCode.ShouldBe(0);
        (await cli.RunAsync("up", "--phase", "pre")).ExitCode.ShouldBe(0);

        var post = await cli.RunAsync("up", "--phase", "post");

        post.ExitCode.ShouldBe(1, post.ToString());
        post.Stderr.ShouldContain(message);
        await using var connection = await db.DataSource.OpenConnectionAsync();
        await using var columns = new NpgsqlCommand(
            "SELECT string_agg(attname || ':' || format_type(atttypid, atttypmod), ',' ORDER BY attname) FROM pg_attribute WHERE attrelid = 'users'::regclass AND attnum > 0 AND NOT attisdropped",
            connection);
        (await columns.ExecuteScalarAsync()).ShouldBe(columnsAfter);
        await using var contract = new NpgsqlCommand("SELECT count(*) FROM strata_schema_migrations WHERE description LIKE 'contract%'", connection);
        (await contract.ExecuteScalarAsync()).ShouldBe(0L);
    }

    [Fact]
    public async Task A_column_the_configured_database_does_not_have_is_an_error_and_writes_nothing()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var cli = new CliHarness().With("DATABASE_URL", db.Url);

        var result = await cli.RunAsync("new", "--change-type", "products.price", "bigint");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("the database has no column public.products.price; check the name, or pass --type TYPE to write the migrations anyway");
        Directory.Exists(Path.Combine(cli.WorkingDirectory, "db", "migrations")).ShouldBeFalse();
    }

    // A mistyped name is caught while writing, before a transaction:false migration fails in a deploy and needs
    // repair; only a warning, as a pending migration may add the name. Every file is still written.
    [Theory]
    [InlineData(new[] { "--add-index", "products.sku,nosuch" }, "the database has no column public.products.nosuch: the migrations fail unless a pending migration adds it")]
    [InlineData(new[] { "--add-unique", "products.nosuch" }, "the database has no column public.products.nosuch")]
    [InlineData(new[] { "--set-not-null", "nosuch.sku" }, "the database has no column public.nosuch.sku")]
    [InlineData(new[] { "--add-foreign-key", "products.category_id", "categories.nosuch" }, "the database has no column public.categories.nosuch")]
    [InlineData(new[] { "--add-foreign-key", "products.category_id", "nosuch" }, "the database has no table public.nosuch")]
    [InlineData(new[] { "--rename-table", "products", "categories" }, "the database already has table public.categories: the migrations fail unless a pending migration removes it")]
    [InlineData(new[] { "--rename-column", "products.sku", "category_id", "--type", "text" }, "the database already has column public.products.category_id")]
    [InlineData(new[] { "--rename-column", "products.sku", "category_id" }, "the database already has column public.products.category_id: the migrations fail unless a pending migration removes it")]
    [InlineData(new[] { "--change-type", "products.sku", "bigint", "--type", "text" }, "the database already has column public.products.sku_new")]
    [InlineData(new[] { "--change-type", "products.sku", "bigint" }, "the database already has column public.products.sku_new: the migrations fail unless a pending migration removes it")]
    [InlineData(new[] { "--change-type", "products.category_id", "text" }, null)]
    [InlineData(new[] { "--add-foreign-key", "products.category_id", "categories" }, null)]
    [InlineData(new[] { "--add-index", "products.sku,category_id" }, null)]
    [InlineData(new[] { "--rename-table", "products", "items" }, null)]
    public async Task A_name_the_configured_database_lacks_or_already_has_is_a_warning_and_the_files_are_written(string[] args, string? warning)
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using (var command = db.DataSource.CreateCommand(
            "CREATE TABLE categories (id bigint PRIMARY KEY); CREATE TABLE products (id bigint PRIMARY KEY, sku text, category_id bigint, sku_new bigint);"))
        {
            await command.ExecuteNonQueryAsync();
        }

        var cli = new CliHarness().With("DATABASE_URL", db.Url);

        var result = await cli.RunAsync(["new", .. args]);

        result.ExitCode.ShouldBe(0, result.ToString());
        Migrations(cli).ShouldNotBeEmpty();
        if (warning is null)
        {
            result.Stderr.ShouldNotContain("warning:", customMessage: result.ToString());
        }
        else
        {
            result.Stderr.ShouldContain($"warning: {warning}", customMessage: result.ToString());
        }
    }

    // PostgreSQL checks a new column of a domain with a NOT NULL or CHECK constraint (its own or a base domain's)
    // against every existing row: it rewrites the table under ACCESS EXCLUSIVE, or, for NOT NULL without a default,
    // fails on the first row. The expand step must do neither, whether the type was read, given or is the new type.
    [Theory]
    [InlineData(
        new[] { "--rename-column", "acct.bal", "balance" },
        "--rename-column: public.acct.balance would be of the domain posint, which has a CHECK constraint: adding it makes PostgreSQL check every row of public.acct, rewriting it under an ACCESS EXCLUSIVE lock; pass --type 'integer' (the domain's base type) and apply posint to the column later, in a quiet window")]
    [InlineData(
        new[] { "--rename-column", "acct.mail", "address" },
        "--rename-column: public.acct.address would be of the domain email, which is NOT NULL: adding it fails on the first row of public.acct, and so do the old version's INSERTs that leave it out; pass --type 'character varying(80)' (the domain's base type) and apply email to the column later, in a quiet window")]
    [InlineData(
        new[] { "--rename-column", "acct.total", "sum" },
        "--rename-column: public.acct.sum would be of the domain amount, based on the domain posint, which has a CHECK constraint: adding it makes PostgreSQL check every row of public.acct, rewriting it under an ACCESS EXCLUSIVE lock; pass --type 'integer'")]
    [InlineData(
        new[] { "--rename-column", "acct.note", "remark" },
        "--rename-column: public.acct.remark would be of the domain note, which is NOT NULL: adding it makes PostgreSQL check every row of public.acct, rewriting it under an ACCESS EXCLUSIVE lock; pass --type 'text'")]
    [InlineData(
        new[] { "--rename-column", "acct.id", "ident", "--type", "amount" },
        "--rename-column: public.acct.ident would be of the domain amount, based on the domain posint, which has a CHECK constraint")]
    [InlineData(
        new[] { "--change-type", "acct.id", "amount" },
        "--change-type: public.acct.id_new would be of the domain amount, based on the domain posint, which has a CHECK constraint: adding it makes PostgreSQL check every row of public.acct, rewriting it under an ACCESS EXCLUSIVE lock; change the type to 'integer' (the domain's base type) and apply amount to the column later, in a quiet window")]
    [InlineData(
        new[] { "--change-type", "acct.bal", "public.email", "--type", "posint" },
        "--change-type: public.acct.bal_new would be of the domain email, which is NOT NULL: adding it fails on the first row of public.acct")]
    public async Task A_column_the_expand_step_would_add_of_a_constrained_domain_is_refused_and_nothing_is_written(string[] args, string message)
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using (var command = db.DataSource.CreateCommand("""
            CREATE DOMAIN posint AS integer CHECK (VALUE > 0);
            CREATE DOMAIN amount AS posint;
            CREATE DOMAIN email AS varchar(80) NOT NULL CHECK (VALUE LIKE '%@%');
            CREATE DOMAIN note AS text DEFAULT '' NOT NULL;
            CREATE TABLE acct (id bigint PRIMARY KEY, bal posint, total amount, mail email, note note);
            INSERT INTO acct VALUES (1, 1, 1, 'a@b', '');
            """))
        {
            await command.ExecuteNonQueryAsync();
        }

        var cli = new CliHarness().With("DATABASE_URL", db.Url);

        var result = await cli.RunAsync(["new", .. args]);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.Trim().ShouldStartWith($"error: {message}", customMessage: result.ToString());
        result.Stderr.Trim().Split('\n').Length.ShouldBe(1, result.ToString());
        Directory.Exists(Path.Combine(cli.WorkingDirectory, "db", "migrations")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_column_of_a_domain_without_constraints_is_renamed_as_before_without_rewriting_the_table()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var cli = new CliHarness().With("DATABASE_URL", db.Url);
        Directory.CreateDirectory(Path.Combine(cli.WorkingDirectory, "db", "migrations"));
        await File.WriteAllTextAsync(
            Path.Combine(cli.WorkingDirectory, "db", "migrations", "1_acct.sql"),
            "-- migrate:up\nCREATE DOMAIN cents AS bigint;\nCREATE TABLE acct (id bigint PRIMARY KEY, bal cents);\n" +
            "INSERT INTO acct SELECT g, g FROM generate_series(1, 100) g;\n-- migrate:down\nDROP TABLE acct;\nDROP DOMAIN cents;\n");
        (await cli.RunAsync("up")).ExitCode.ShouldBe(0);
        await using var connection = await db.DataSource.OpenConnectionAsync();
        await using var file = new NpgsqlCommand("SELECT pg_relation_filenode('acct')", connection);
        var before = await file.ExecuteScalarAsync();

        var result = await cli.RunAsync("new", "--rename-column", "acct.bal", "balance");
        var pre = await cli.RunAsync("up", "--phase", "pre");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldNotContain("warning:", customMessage: result.ToString());
        File.ReadAllText(Path.Combine(cli.WorkingDirectory, "db", "migrations", Migrations(cli)[1]))
            .ShouldContain("ALTER TABLE public.acct ADD COLUMN balance cents;");
        pre.ExitCode.ShouldBe(0, pre.ToString());
        (await file.ExecuteScalarAsync()).ShouldBe(before);
        await using var copied = new NpgsqlCommand("SELECT count(*) FROM acct WHERE balance = bal", connection);
        (await copied.ExecuteScalarAsync()).ShouldBe(100L);
    }

    [Fact]
    public async Task Names_are_not_checked_against_a_database_that_cannot_be_reached_and_that_is_said()
    {
        var cli = new CliHarness().With("DATABASE_URL", "postgres://strata@127.0.0.1:1/nothing");

        var result = await cli.RunAsync("new", "--add-index", "products.sku");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldContain("warning: could not check the names --add-index uses against the configured database (", customMessage: result.ToString());
        result.Stderr.ShouldContain("); wrote the migrations unchecked", customMessage: result.ToString());
        Migrations(cli).Length.ShouldBe(1);
    }

    [Theory]
    [InlineData(new[] { "new", "--rename-column", "products.name", "sku" }, "--rename-column needs the current type of public.products.name and no database is configured to read it from; pass --type TYPE")]
    [InlineData(new[] { "new", "--set-not-null", "products" }, "--set-not-null 'products' is not TABLE.COLUMN or SCHEMA.TABLE.COLUMN")]
    [InlineData(new[] { "new", "--add-index", "a.b", "--set-not-null", "a.b" }, "--set-not-null and --add-index cannot be combined: strata new writes one operation at a time")]
    [InlineData(new[] { "new", "--add-index", "a.b", "--type", "text" }, "--type goes with --rename-column or --change-type, not --add-index")]
    [InlineData(new[] { "new", "--type", "text" }, "--type goes with --rename-column or --change-type")]
    [InlineData(new[] { "new", "add_index", "--add-index", "a.b" }, "--add-index names its files itself; leave out the description 'add_index'")]
    [InlineData(new[] { "new" }, "strata new needs a description (e.g. strata new add_users_table) or an operation such as --add-index TABLE.COL")]
    public async Task Bad_operation_arguments_exit_2_with_one_line_and_write_nothing(string[] args, string message)
    {
        var cli = new CliHarness();

        var result = await cli.RunAsync(args);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.Trim().ShouldBe($"error: {message}");
        Directory.Exists(Path.Combine(cli.WorkingDirectory, "db", "migrations")).ShouldBeFalse();
    }

    [Fact]
    public async Task An_unreachable_database_is_reported_with_the_way_around_it()
    {
        var cli = new CliHarness().With("DATABASE_URL", "postgres://strata@127.0.0.1:1/nothing");

        var result = await cli.RunAsync("new", "--rename-column", "products.name", "sku");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("--rename-column needs the current type of public.products.name and the configured database cannot be reached to read it; pass --type TYPE");
    }

    [Fact]
    public async Task Json_output_lists_every_file_written()
    {
        var cli = new CliHarness();

        var result = await cli.RunAsync("new", "--add-unique", "products.sku", "--json");

        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout.Trim().Split('\n')[^1]);
        json.RootElement.GetProperty("paths").EnumerateArray().Select(p => Path.GetFileName(p.GetString()!)).ShouldBe(Migrations(cli));
    }
}
