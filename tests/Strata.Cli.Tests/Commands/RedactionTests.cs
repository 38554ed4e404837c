using System.Net;
using System.Net.Sockets;
using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands;

/// <summary>A known password goes in through every door; it must come out of none, whatever the command does.</summary>
public sealed class RedactionTests
{
    private const string Password = "Kn0wn-S3cret_pw!";
    private static readonly string Encoded = Uri.EscapeDataString(Password);

    public static TheoryData<string, string[]> Failing => new()
    {
        { "malformed url", ["--database-url", $"postgres://app:{Encoded}@db:notaport/x", "status"] },
        { "bad scheme", ["--database-url", $"mysql://app:{Encoded}@db/x", "config"] },
        { "bad sslmode", ["--database-url", $"postgres://app:{Encoded}@db/x?sslmode=sometimes", "config"] },
        { "keyword string", ["--database-url", $"Host=db;Password={Password};Bogus Key=1", "config"] },
        { "verbose malformed", ["--verbose", "--database-url", $"postgres://app:{Encoded}@[::1/x", "up"] },
        { "json malformed", ["--json", "--database-url", $"postgres://app:{Encoded}@db:99999/x", "up"] },
    };

    [Theory]
    [MemberData(nameof(Failing))]
    public async Task Failing_commands_never_print_the_password(string scenario, string[] args)
    {
        var result = await new CliHarness().RunAsync(args);

        result.ExitCode.ShouldNotBe(0, scenario);
        AssertClean(result, scenario);
    }

    [Fact]
    public async Task Unreachable_server_exits_3_without_the_password_even_verbose()
    {
        var port = FreePort();
        var result = await new CliHarness()
            .With("DATABASE_URL", $"postgres://app:{Encoded}@127.0.0.1:{port}/x?connect_timeout=2")
            .RunAsync("--verbose", "status");

        result.ExitCode.ShouldBe(3, result.ToString());
        result.Stderr.ShouldContain($"127.0.0.1:{port}");
        AssertClean(result, "unreachable");
    }

    [Fact]
    public async Task Every_password_source_is_masked_in_config_output()
    {
        using var work = new TempDirectory();
        var passwordFile = Path.Combine(work.Path, "password");
        await File.WriteAllTextAsync(passwordFile, Password + "\n");
        var secret = $$"""{"username":"app","password":"{{Password}}","host":"db","port":5432,"dbname":"x","engine":"postgres"}""";

        var runs = new (string Name, CliHarness Cli, string[] Args)[]
        {
            ("url", new CliHarness().With("DATABASE_URL", $"postgres://app:{Encoded}@db/x"), ["config"]),
            ("url json", new CliHarness().With("STRATA_DATABASE_URL", $"postgres://app:{Encoded}@db/x"), ["--json", "--verbose", "config"]),
            ("secret", new CliHarness().With("DB_SECRET", secret), ["--verbose", "config"]),
            ("db vars", new CliHarness().With("DB_HOST", "db").With("DB_USER", "app").With("DB_PASSWORD", Password), ["config"]),
            ("pg vars", new CliHarness().With("PGHOST", "db").With("PGPASSWORD", Password), ["--json", "config"]),
            ("file", new CliHarness().With("DATABASE_URL", "postgres://app@db/x"), ["--password-file", passwordFile, "config"]),
        };

        foreach (var (name, cli, args) in runs)
        {
            var result = await cli.RunAsync(args);
            result.ExitCode.ShouldBe(0, $"{name}: {result}");
            result.Stdout.ShouldContain("********");
            AssertClean(result, name);
        }
    }

    [Fact]
    public async Task Successful_migration_run_never_prints_the_password()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(2);
        // The test server trusts loopback, so the password is carried but never checked: what matters is the output.
        var url = db.Url.Replace("postgres://postgres@", $"postgres://postgres:{Encoded}@", StringComparison.Ordinal);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", url);

        foreach (var args in new[] { ["--verbose", "up"], ["--json", "--verbose", "status"], ["history"], ["up", "--sql"], new[] { "--verbose", "config" } })
        {
            var result = await cli.RunAsync(args);
            result.ExitCode.ShouldBe(0, result.ToString());
            AssertClean(result, string.Join(' ', args));
        }
    }

    // With no password given, the client library takes PGPASSWORD or the password file: that password is masked too.
    [Theory]
    [InlineData("PGPASSWORD")]
    [InlineData("PGPASSFILE")]
    public async Task A_password_the_client_falls_back_to_is_masked_in_a_server_error(string fallback)
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var password = $"Fallback-S3cret-{fallback}";
        using var files = new MigrationFiles();
        files.Add(1, "quote", $"-- migrate:up\nSELECT '{password}'::int;\n");
        using var home = new TempDirectory();
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);
        if (fallback == "PGPASSWORD")
        {
            cli.With("PGPASSWORD", password);
        }
        else
        {
            var passFile = Path.Combine(home.Path, "pgpass");
            await File.WriteAllTextAsync(passFile, $"# comment\nother.example:5432:*:*:not-this-one\n*:*:*:*:{password}\n");
            cli.With("PGPASSFILE", passFile);
        }

        var result = await cli.RunAsync("up");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.AllOutput.ShouldContain("22P02");
        result.AllOutput.ShouldNotContain(password, Case.Sensitive);
    }

    [Fact]
    public async Task Real_process_output_is_clean_too()
    {
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
            ["DATABASE_URL"] = $"postgres://app:{Encoded}@127.0.0.1:{FreePort()}/x?connect_timeout=2",
        };

        var result = await StrataProcess.RunAsync(TempDirectory.CreateForProcess(), environment, "--verbose", "up");

        result.ExitCode.ShouldBe(3, result.ToString());
        AssertClean(result, "process");
    }

    private static void AssertClean(CliResult result, string scenario)
    {
        result.AllOutput.ShouldNotContain(Password, Case.Sensitive, scenario);
        result.AllOutput.ShouldNotContain(Encoded, Case.Sensitive, scenario);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
