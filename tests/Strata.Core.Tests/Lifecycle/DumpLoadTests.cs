using Strata.Core.Errors;
using Strata.Core.Lifecycle;
using Strata.Core.Tests.Connections;
using Strata.Core.Tests.Engine;
using Strata.Testing;

namespace Strata.Core.Tests.Lifecycle;

public sealed class DumpLoadTests
{
    private const string Schema = """
        CREATE TYPE mood AS ENUM ('happy', 'sad');
        CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, mood mood);
        CREATE INDEX users_name ON users (name);
        CREATE VIEW happy_users AS SELECT id, name FROM users WHERE mood = 'happy';
        CREATE FUNCTION shout(t text) RETURNS text LANGUAGE sql AS $$ SELECT upper(t) || '!' $$;
        COMMENT ON TABLE users IS 'people; with a semicolon';
        """;

    [Fact]
    public async Task The_same_database_dumps_to_byte_identical_files_with_its_history_rows_and_no_varying_lines()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var work = new TempDirectory();
        var lifecycle = await MigratedAsync(db, work);
        var first = work.Combine("first/schema.sql");
        var second = work.Combine("second.sql");

        var one = await lifecycle.DumpAsync(new DumpOptions { File = first });
        var two = await lifecycle.DumpAsync(new DumpOptions { File = second });

        (await File.ReadAllBytesAsync(first)).ShouldBe(await File.ReadAllBytesAsync(second));
        one.HistoryRows.ShouldBe(2);
        one.Changed.ShouldBeTrue();
        two.Bytes.ShouldBe(new FileInfo(second).Length);
        var text = await File.ReadAllTextAsync(first);
        text.ShouldContain("CREATE TABLE public.users");
        text.ShouldContain("CREATE FUNCTION public.shout");
        text.ShouldNotContain("Dumped from");
        text.ShouldNotContain("Dumped by");
        text.ShouldNotContain("\\restrict");
        text.ShouldNotContain(db.Name);
        text.ShouldNotContain("\r");
        var inserts = text.Split('\n').Where(l => l.StartsWith("INSERT INTO \"public\".\"strata_schema_migrations\"", StringComparison.Ordinal)).ToList();
        inserts.Count.ShouldBe(2);
        inserts[0].ShouldContain("VALUES ('20240101000000', 'create_users'");
        inserts[1].ShouldContain("VALUES ('20240102000000', 'add_shout'");
        foreach (var insert in inserts)
        {
            insert.ShouldNotContain("applied_at", customMessage: "when a migration was applied differs between databases");
            insert.ShouldNotContain(Environment.MachineName, customMessage: "no host names");
            insert.ShouldNotMatch(@"\d{4}-\d\d-\d\d \d\d:", "no timestamps");
        }
    }

    [Fact]
    public async Task Dumping_again_an_unchanged_database_leaves_the_file_untouched()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var work = new TempDirectory();
        var lifecycle = await MigratedAsync(db, work);
        var file = work.Combine("schema.sql");
        await lifecycle.DumpAsync(new DumpOptions { File = file });
        File.SetLastWriteTimeUtc(file, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        var again = await lifecycle.DumpAsync(new DumpOptions { File = file });

        again.Changed.ShouldBeFalse();
        File.GetLastWriteTimeUtc(file).Year.ShouldBe(2020);
    }

    [Fact]
    public async Task A_dump_loads_into_an_empty_database_which_then_dumps_to_the_same_bytes()
    {
        await using var source = await TestPostgres.CreateDatabaseAsync();
        await using var target = await TestPostgres.CreateDatabaseAsync();
        using var work = new TempDirectory();
        var original = work.Combine("original.sql");
        var copy = work.Combine("copy.sql");
        await (await MigratedAsync(source, work)).DumpAsync(new DumpOptions { File = original });
        var loader = await LifecycleKit.ForAsync(target);

        var loaded = await loader.LoadAsync(new LoadOptions { File = original });
        await loader.DumpAsync(new DumpOptions { File = copy });

        loaded.MigrationVersion.ShouldBe("20240102000000");
        loaded.Statements.ShouldBeGreaterThan(10);
        (await File.ReadAllTextAsync(copy)).ShouldBe(await File.ReadAllTextAsync(original));
        (await target.ScalarAsync<string>("SELECT public.shout('hi')")).ShouldBe("HI!");
        (await target.HistoryVersionsAsync()).ShouldBe(["20240101000000", "20240102000000"]);
    }

    [Fact]
    public async Task Text_inside_statements_loads_as_it_was_in_the_source_whatever_lines_it_holds()
    {
        await using var source = await TestPostgres.CreateDatabaseAsync();
        await using var target = await TestPostgres.CreateDatabaseAsync();
        using var work = new TempDirectory();
        await source.ExecuteAsync(
            "CREATE TABLE c (s text DEFAULT E'\\r\\n\\r'); " +
            "CREATE FUNCTION h() RETURNS text LANGUAGE sql AS $f$ SELECT 'a\n-- Started on\n\n\n\nb\r\n' $f$; " +
            "COMMENT ON TABLE c IS E'x\\n\\\\restrict k\\n-- Dumped by pg_dump version 1'");
        const string Values = "SELECT h() || '|' || pg_get_expr(adbin, adrelid) || '|' || obj_description('c'::regclass) FROM pg_attrdef";
        var original = work.Combine("original.sql");
        var copy = work.Combine("copy.sql");

        await (await LifecycleKit.ForAsync(source)).DumpAsync(new DumpOptions { File = original });
        var loader = await LifecycleKit.ForAsync(target);
        await loader.LoadAsync(new LoadOptions { File = original });
        await loader.DumpAsync(new DumpOptions { File = copy });

        (await target.ScalarAsync<string>(Values)).ShouldBe(await source.ScalarAsync<string>(Values));
        (await File.ReadAllBytesAsync(copy)).ShouldBe(await File.ReadAllBytesAsync(original));
    }

    // pg_dump leaves the version out of CREATE EXTENSION: without it, a load would install the default version and
    // verify's comparison with the schema file could never pass.
    [Fact]
    public async Task An_extension_pinned_to_an_older_version_keeps_it_through_dump_and_load()
    {
        await using var source = await TestPostgres.CreateDatabaseAsync();
        await using var target = await TestPostgres.CreateDatabaseAsync();
        using var work = new TempDirectory();
        await source.ExecuteAsync("CREATE EXTENSION hstore VERSION '1.4'; CREATE EXTENSION citext; CREATE TABLE kv (h hstore, t citext)");
        var file = work.Combine("schema.sql");

        await (await LifecycleKit.ForAsync(source)).DumpAsync(new DumpOptions { File = file });
        await (await LifecycleKit.ForAsync(target)).LoadAsync(new LoadOptions { File = file });

        var text = await File.ReadAllTextAsync(file);
        text.ShouldContain("CREATE EXTENSION IF NOT EXISTS hstore WITH SCHEMA public VERSION '1.4';\n");
        text.ShouldContain("CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;\n");
        (await target.ScalarAsync<string>("SELECT extversion FROM pg_extension WHERE extname = 'hstore'")).ShouldBe("1.4");
    }

    [Fact]
    public async Task A_psql_meta_command_in_a_schema_file_is_refused_in_the_words_of_a_schema_file()
    {
        await using var target = await TestPostgres.CreateDatabaseAsync();
        using var work = new TempDirectory();
        var file = work.Combine("schema.sql");
        await File.WriteAllTextAsync(file, "CREATE TABLE a (id int);\n\\connect other\n");

        var error = await Should.ThrowAsync<Exception>(async () => await (await LifecycleKit.ForAsync(target)).LoadAsync(new LoadOptions { File = file }));

        error.Message.ShouldContain(":2:1: psql meta-command \\connect is not supported in schema files: a schema file is plain SQL");
        (await target.ScalarAsync<long>("SELECT count(*) FROM pg_class WHERE relname = 'a'")).ShouldBe(0);
    }

    [Fact]
    public async Task Load_refuses_a_database_that_has_tables_and_changes_nothing()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE already_here (id int)");
        using var work = new TempDirectory();
        var file = work.Write("schema.sql", "CREATE TABLE other (id int);");
        var lifecycle = await LifecycleKit.ForAsync(db);

        var error = await Should.ThrowAsync<ValidationFailedException>(() => lifecycle.LoadAsync(new LoadOptions { File = file }));

        error.Message.ShouldStartWith($"database '{db.Name}' already has 1 table(s) (public.already_here); db load only loads into a database without tables");
        (await db.TableExistsAsync("public.other")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_failing_load_rolls_everything_back_and_names_the_line()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var work = new TempDirectory();
        var file = work.Write("schema.sql", "\\restrict abc\nCREATE TABLE a (id int);\nCREATE TABLE b (id no_such_type);\n\\unrestrict abc\n");
        var lifecycle = await LifecycleKit.ForAsync(db);

        var error = await Should.ThrowAsync<ScriptFailedException>(() => lifecycle.LoadAsync(new LoadOptions { File = file }));

        (error.Line, error.Column, error.SqlState).ShouldBe((3, 20, "42704"));
        error.Message.ShouldEndWith("its transaction was rolled back, so the database is as empty as before");
        (await db.TableExistsAsync("public.a")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_commit_inside_a_schema_file_is_refused_before_anything_runs()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var work = new TempDirectory();
        var file = work.Write("schema.sql", "CREATE TABLE a (id int);\n  commit;\nCREATE TABLE b (id no_such_type);\n");
        var lifecycle = await LifecycleKit.ForAsync(db);

        var error = await Should.ThrowAsync<SqlSyntaxException>(() => lifecycle.LoadAsync(new LoadOptions { File = file }));

        (error.Line, error.Column).ShouldBe((2, 3));
        error.Message.ShouldStartWith($"{file}:2:3: COMMIT is not allowed in a schema file: Strata runs the whole file in one transaction");
        (await db.TableExistsAsync("public.a")).ShouldBeFalse("a COMMIT in the file must not make the statements before it permanent");
    }

    [Fact]
    public async Task A_schema_file_wrapped_in_begin_and_commit_still_loads_in_one_transaction()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var work = new TempDirectory();
        var file = work.Write("schema.sql", "-- wrapped\nBEGIN;\nCREATE TABLE a (id int);\nSAVEPOINT s;\nROLLBACK TO SAVEPOINT s;\nCREATE TABLE b (id no_such_type);\nCOMMIT;\n");
        var lifecycle = await LifecycleKit.ForAsync(db);

        var error = await Should.ThrowAsync<ScriptFailedException>(() => lifecycle.LoadAsync(new LoadOptions { File = file }));

        (error.Line, error.Column, error.SqlState).ShouldBe((6, 20, "42704"));
        (await db.TableExistsAsync("public.a")).ShouldBeFalse();
        await File.WriteAllTextAsync(file, "BEGIN;\nCREATE TABLE a (id int);\nCOMMIT;\n");
        await lifecycle.LoadAsync(new LoadOptions { File = file });
        (await db.TableExistsAsync("public.a")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_database_without_history_dumps_without_history_rows()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE t (id int)");
        using var work = new TempDirectory();
        var lifecycle = await LifecycleKit.ForAsync(db);

        var result = await lifecycle.DumpAsync(new DumpOptions { File = work.Combine("schema.sql") });

        result.HistoryRows.ShouldBe(0);
        (await File.ReadAllTextAsync(result.File)).ShouldNotContain("INSERT INTO");
    }

    [Fact]
    public async Task Refuses_to_dump_with_a_pg_dump_older_than_the_server_naming_the_version_needed()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var bin = new TempDirectory();
        var fake = bin.Write("pg_dump", "#!/bin/sh\necho 'pg_dump (PostgreSQL) 9.6.24'\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        }

        var lifecycle = new DatabaseLifecycle(
            await Resolve.UrlAsync(db.Url), new DatabaseLifecycleOptions { Environment = new Dictionary<string, string> { ["STRATA_PG_BIN"] = bin.Path } });
        var major = (await db.ScalarAsync<int>("SELECT current_setting('server_version_num')::int")) / 10000;

        var error = await Should.ThrowAsync<PrerequisiteMissingException>(() => lifecycle.DumpAsync(new DumpOptions { File = bin.Combine("schema.sql") }));

        error.Message.ShouldStartWith($"pg_dump {major} or newer is needed for this PostgreSQL {major} server, but only pg_dump 9 ({fake}) was found");
        File.Exists(bin.Combine("schema.sql")).ShouldBeFalse();
    }

    private static async Task<DatabaseLifecycle> MigratedAsync(TestDatabase db, TempDirectory work)
    {
        var migrations = work.Combine("migrations-" + Guid.NewGuid().ToString("N"));
        LifecycleKit.Write(migrations, "20240101000000_create_users.sql", $"-- migrate:up\n{Schema}\n-- migrate:down\nDROP TABLE users;\n");
        LifecycleKit.Write(migrations, "20240102000000_add_shout.sql", "-- migrate:up\nCREATE FUNCTION whisper(t text) RETURNS text LANGUAGE sql AS $$ SELECT lower(t) $$;\n-- migrate:down\n");
        var lifecycle = await LifecycleKit.ForAsync(db, migrations: migrations);
        await lifecycle.SetupAsync(new SetupOptions { SkipSeed = true });
        return lifecycle;
    }
}
