using System.Text.RegularExpressions;
using Npgsql;
using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands;

public sealed partial class BadInputCommandTests
{
    [Theory]
    [InlineData("up", "--steps", "abc")]
    [InlineData("down", "--steps", "1.5")]
    [InlineData("up", "--lock-retries", "many")]
    public async Task A_flag_that_is_not_a_whole_number_is_a_usage_error_of_ours(params string[] args)
    {
        using var files = new MigrationFiles().AddTables(1);

        var result = await new CliHarness(files.Root).RunAsync(args);

        result.ExitCode.ShouldBe(2, result.ToString());
        OneErrorLineOfOurs(result).ShouldBe($"error: {args[1]} takes a whole number such as 3, not '{args[2]}' (see 'strata --help')");
    }

    [Fact]
    public async Task A_nul_byte_fails_validate_with_exit_5_naming_file_line_and_column()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles();
        var file = files.Add(1, "nul", "-- migrate:up\nSELECT 1;\0\n");

        var result = await new CliHarness(files.Root).With("DATABASE_URL", db.Url).RunAsync("validate");

        result.ExitCode.ShouldBe(5, result.ToString());
        OneErrorLineOfOurs(result).ShouldStartWith($"error: {file}:2:10: the file contains a NUL character");
    }

    [Fact]
    public async Task Duplicate_history_versions_exit_5_and_stamp_remove_repairs_them()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(2);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);
        (await cli.RunAsync("up")).ExitCode.ShouldBe(0);
        await ExecuteAsync(db, "INSERT INTO strata_schema_migrations SELECT '0' || version, description, checksum, checksum_algorithm, status, " +
            "statements_completed, statements_total, applied_at, applied_by, client_host, strata_version, execution_time_ms, origin FROM strata_schema_migrations WHERE version = '1001'");

        var status = await cli.RunAsync("status");
        status.ExitCode.ShouldBe(5, status.ToString());
        OneErrorLineOfOurs(status).ShouldStartWith("error: The history table public.strata_schema_migrations is inconsistent: rows '1001' and '01001' are the same version 1001.");

        (await cli.RunAsync("stamp", "1001", "--remove")).ExitCode.ShouldBe(0);
        (await cli.RunAsync("stamp", "1001")).ExitCode.ShouldBe(0);
        (await cli.RunAsync("validate")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task An_unreadable_migrations_directory_exits_2_with_a_message_of_ours()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles();
        var directory = Path.Combine(files.Root, "locked");
        if (!MakeUnreadableDirectory(directory))
        {
            return;
        }

        var result = await new CliHarness(files.Root).With("DATABASE_URL", db.Url).RunAsync("validate", "--migrations-dir", directory);

        result.ExitCode.ShouldBe(2, result.ToString());
        OneErrorLineOfOurs(result).ShouldBe($"error: migrations directory {directory} could not be read (permission denied); give the user running Strata read access to it.");
    }

    [Fact]
    public async Task A_config_file_that_is_not_json_exits_2_saying_where_and_why_in_words_of_ours()
    {
        using var files = new MigrationFiles();
        await File.WriteAllTextAsync(Path.Combine(files.Root, "strata.json"), "{\n  \"migrationsDir\": \"db/migrations\",\n  \"historyTable\":\n");

        var result = await new CliHarness(files.Root).RunAsync("status");

        result.ExitCode.ShouldBe(2, result.ToString());
        OneErrorLineOfOurs(result).ShouldBe(
            "error: ./strata.json: is not valid JSON at line 4, position 1: the text ends before the JSON does (a brace, bracket or quote is not closed, or a value is missing)");
    }

    [Fact]
    public async Task A_password_file_that_is_a_directory_exits_2_in_words_of_ours()
    {
        using var files = new MigrationFiles();
        var directory = Path.Combine(files.Root, "secrets");
        Directory.CreateDirectory(directory);

        var result = await new CliHarness(files.Root).With("DATABASE_URL", "postgres://app@127.0.0.1:1/db").RunAsync("status", "--password-file", directory);

        result.ExitCode.ShouldBe(2, result.ToString());
        OneErrorLineOfOurs(result).ShouldBe($"error: The password file {directory} (from --password-file) could not be read: it is a directory.");
    }

    [Fact]
    public async Task A_keyword_string_that_is_not_keyword_value_pairs_exits_2_in_words_of_ours()
    {
        using var files = new MigrationFiles();

        var result = await new CliHarness(files.Root).RunAsync("status", "--database-url", "Host=localhost;;=x");

        result.ExitCode.ShouldBe(2, result.ToString());
        OneErrorLineOfOurs(result).ShouldBe(
            "error: --database-url: invalid keyword connection string: it is not a list of keyword=value pairs separated by semicolons");
    }

    [Fact]
    public async Task A_verbose_trace_carries_the_runtimes_own_messages_and_no_resource_keys()
    {
        using var files = new MigrationFiles();
        await using var server = NotPostgresServer.HangingUp();

        var result = await new CliHarness(files.Root).RunAsync(
            "status", "--verbose", "--database-url", $"postgres://app@127.0.0.1:{server.Port}/appdb?sslmode=disable&connect_timeout=10");

        result.ExitCode.ShouldBe(3, result.ToString());
        result.AllOutput.ShouldContain("System.IO.EndOfStreamException: Attempted to read past the end of the stream.");
        result.AllOutput.ShouldNotContain("Arg_EndOfStreamException");
    }

    [Fact]
    public async Task Lock_timeout_exhaustion_prints_one_error_line()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles();
        files.Add(1, "t", "-- migrate:up\nCREATE TABLE t (id int);\n");
        files.Add(2, "alter", "-- migrate:up\nALTER TABLE t ADD COLUMN c int;\n");
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);
        (await cli.RunAsync("up", "--steps", "1")).ExitCode.ShouldBe(0);
        await using var holder = await db.DataSource.OpenConnectionAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand("LOCK TABLE t IN ACCESS EXCLUSIVE MODE", holder, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }

        var result = await cli.RunAsync("up", "--lock-timeout", "50ms", "--lock-retries", "2");

        result.ExitCode.ShouldBe(4, result.ToString());
        OneErrorLineOfOurs(result).ShouldStartWith("error: Migration 2_alter could not get its locks within lock_timeout 50ms in 2 attempt(s)");
    }

    private static string OneErrorLineOfOurs(CliResult result)
    {
        var errors = result.AllOutput.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
        errors.Count.ShouldBe(1, result.ToString());
        DotNetNames().IsMatch(result.AllOutput).ShouldBeFalse(result.ToString());
        return errors[0].TrimEnd('\r');
    }

    // A CLR type name (System.Nullable`1), an exception's type name, or an untranslated resource key (IO_FileNotFound_FileName).
    [GeneratedRegex(@"System\.[A-Z]|`1|[A-Za-z]+Exception\b|\b[A-Z][A-Za-z]*_[A-Z][a-z]+[A-Za-z_]*\b")]
    private static partial Regex DotNetNames();

    private static bool MakeUnreadableDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        if (Environment.IsPrivilegedProcess)
        {
            // Root reads any directory whatever its mode; this kernel directory refuses even root without CAP_SYS_ADMIN.
            try
            {
                _ = Directory.EnumerateFiles("/proc/1/map_files").ToList();
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                Directory.CreateSymbolicLink(path, "/proc/1/map_files");
                return true;
            }
        }

        Directory.CreateDirectory(path);
        File.SetUnixFileMode(path, UnixFileMode.None);
        return true;
    }

    private static async Task ExecuteAsync(TestDatabase db, string sql)
    {
        await using var command = db.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
