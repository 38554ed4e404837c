using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands;

public sealed class SchemaFileAfterRunCommandTests
{
    [Fact]
    public async Task Up_with_a_schema_file_writes_the_same_bytes_db_dump_writes()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(2);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);

        var up = await cli.RunAsync("up", "-s", "out/schema.sql");
        var dump = await cli.RunAsync("db", "dump", "--file", "oracle.sql");

        up.ExitCode.ShouldBe(0, up.ToString());
        dump.ExitCode.ShouldBe(0, dump.ToString());
        up.Stderr.ShouldContain("wrote the schema to out/schema.sql", Case.Sensitive, up.ToString());
        var written = await File.ReadAllTextAsync(Path.Combine(files.Root, "out", "schema.sql"));
        written.ShouldBe(await File.ReadAllTextAsync(Path.Combine(files.Root, "oracle.sql")));
        written.ShouldContain("CREATE TABLE public.t1");
    }

    [Fact]
    public async Task Down_refreshes_the_schema_file_named_in_strata_json()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(2);
        await File.WriteAllTextAsync(Path.Combine(files.Root, "strata.json"), """{ "schemaFile": "db/structure.sql" }""");
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);
        (await cli.RunAsync("up")).ExitCode.ShouldBe(0);
        var schema = Path.Combine(files.Root, "db", "structure.sql");
        (await File.ReadAllTextAsync(schema)).ShouldContain("CREATE TABLE public.t1");

        var down = await cli.RunAsync("down");

        down.ExitCode.ShouldBe(0, down.ToString());
        var after = await File.ReadAllTextAsync(schema);
        after.ShouldNotContain("CREATE TABLE public.t1");
        after.ShouldContain("CREATE TABLE public.t0");
    }

    [Fact]
    public async Task Stamp_writes_the_schema_file_with_the_new_history_row()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(1);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);

        var stamp = await cli.RunAsync("stamp", "1000", "--schema-file", "schema.sql");

        stamp.ExitCode.ShouldBe(0, stamp.ToString());
        (await File.ReadAllTextAsync(Path.Combine(files.Root, "schema.sql"))).ShouldContain("1000");
    }

    [Fact]
    public async Task No_dump_schema_wins_over_a_configured_schema_file()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(1);
        await File.WriteAllTextAsync(Path.Combine(files.Root, "strata.json"), """{ "schemaFile": "db/structure.sql" }""");

        var up = await new CliHarness(files.Root).With("DATABASE_URL", db.Url).RunAsync("up", "--no-dump-schema");

        up.ExitCode.ShouldBe(0, up.ToString());
        File.Exists(Path.Combine(files.Root, "db", "structure.sql")).ShouldBeFalse();
    }

    [Fact]
    public async Task Without_a_schema_file_given_up_writes_none()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(1);

        var up = await new CliHarness(files.Root).With("DATABASE_URL", db.Url).RunAsync("up");

        up.ExitCode.ShouldBe(0, up.ToString());
        File.Exists(Path.Combine(files.Root, "db", "schema.sql")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_dry_run_writes_no_schema_file()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(1);

        var up = await new CliHarness(files.Root).With("DATABASE_URL", db.Url).RunAsync("up", "--dry-run", "-s", "schema.sql");

        up.ExitCode.ShouldBe(0, up.ToString());
        File.Exists(Path.Combine(files.Root, "schema.sql")).ShouldBeFalse();
    }

    // Refused before the run, not after it applied the migrations: nothing is half done and the message is the fix.
    [Theory]
    [InlineData("up", "-s", "db")]
    [InlineData("stamp", "1000", "-s", "db")]
    public async Task A_schema_file_that_is_a_directory_is_refused_before_anything_is_applied(params string[] args)
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(1);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);

        var run = await cli.RunAsync(args);
        var status = await cli.RunAsync("status");

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Stderr.ShouldContain($"error: schema file {Path.Combine(files.Root, "db")} is a directory, not a file; name the schema file itself", Case.Sensitive, run.ToString());
        status.Stdout.ShouldContain("1 pending", Case.Sensitive, status.ToString());
    }
}
