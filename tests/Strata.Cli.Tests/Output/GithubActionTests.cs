using System.Text.Json.Nodes;
using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Output;

public sealed class GithubActionTests
{
    private static readonly string StrataBinary = Path.Combine(AppContext.BaseDirectory, "strata");

    [Fact]
    public async Task The_action_runs_up_with_annotations_a_summary_and_the_exit_code_as_output()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(1);
        files.Add(2000, "add_orders", "-- migrate:up\nCREATE TABLE orders (id int);\nINSERT INTO orders\n  SELECT id FROM no_such_table;\n");
        var action = CompositeAction.Load(Repository.PathTo("action.yml"));

        var run = await action.RunAsync(
            new Dictionary<string, string> { ["command"] = "up", ["database-url"] = db.Url, ["migrations-dir"] = "db/migrations", ["strata-path"] = StrataBinary },
            files.Root,
            Environment());

        action.StepIds.ShouldBe(["install", "run"]);
        run.FailedStep.ShouldBe("run", run.Log);
        run.ExitCode.ShouldBe(1, run.Log);
        run.Outputs["install"]["strata"].ShouldBe(StrataBinary);
        run.GithubPath.ShouldBe(Path.GetDirectoryName(StrataBinary) + "\n");
        run.Outputs["run"]["exit-code"].ShouldBe("1");
        run.Log.ShouldContain("::add-mask::" + db.Url);
        run.Log.ShouldContain("::error file=db/migrations/2000_add_orders.sql,line=4,col=18,title=strata%3A migration-failed::");
        run.Summary.ShouldContain("## strata up");
        run.Summary.ShouldContain("| 1000 | create_t0 | `db/migrations/1000_create_t0.sql` | ");
        run.Summary.ShouldContain("| SQLSTATE | `42P01` |");
    }

    [Fact]
    public async Task The_action_writes_lint_findings_as_a_sarif_file_for_code_scanning()
    {
        using var files = new MigrationFiles();
        files.Add(1000, "index", "-- migrate:up\nCREATE INDEX users_email ON users (email);\n");
        var sarif = Path.Combine(files.Root, "strata.sarif");
        var action = CompositeAction.Load(Repository.PathTo("action.yml"));

        var run = await action.RunAsync(
            new Dictionary<string, string>
            {
                ["command"] = "lint db/migrations", ["format"] = "sarif", ["output-file"] = sarif, ["fail-on"] = "none", ["strata-path"] = StrataBinary,
            },
            files.Root,
            Environment());

        run.ExitCode.ShouldBe(0, run.Log);
        run.Outputs["run"]["exit-code"].ShouldBe("0");
        var log = JsonNode.Parse(File.ReadAllText(sarif))!;
        ((string?)log["version"]).ShouldBe("2.1.0");
        log["runs"]![0]!["results"]!.AsArray().ShouldNotBeEmpty();
    }

    [Fact]
    public async Task The_action_installs_from_a_release_archive_and_passes_the_command_as_words()
    {
        using var directory = new TempDirectory();
        var release = Path.Combine(directory.Path, "release", "strata-1.2.3-linux-x64");
        Directory.CreateDirectory(release);
        // A stand-in binary that shows what it was given: the archive's layout is what is under test here.
        var fake = Path.Combine(release, "strata");
        File.WriteAllText(fake, "#!/usr/bin/env bash\nprintf 'arg:%s\\n' \"$@\"\necho \"format:${STRATA_FORMAT:-} dir:${STRATA_MIGRATIONS_DIR:-}\"\n");
        await Shell.RunOkAsync("chmod", directory.Path, TimeSpan.FromMinutes(1), "+x", fake);
        var archive = Path.Combine(directory.Path, "strata-0.1.0-linux-x64.tar.gz");
        await Shell.RunOkAsync("tar", directory.Path, TimeSpan.FromMinutes(1), "-czf", archive, "-C", Path.Combine(directory.Path, "release"), ".");
        var action = CompositeAction.Load(Repository.PathTo("action.yml"));

        var run = await action.RunAsync(
            new Dictionary<string, string> { ["strata-path"] = archive, ["command"] = "lint --dynamic 'a b'", ["migrations-dir"] = "sql" },
            directory.Path,
            Environment());

        run.ExitCode.ShouldBe(0, run.Log);
        run.Outputs["install"]["strata"].ShouldEndWith("/strata-action/strata-1.2.3-linux-x64/strata");
        run.Log.ShouldContain("arg:lint\narg:--dynamic\narg:'a\narg:b'\n", customMessage: "the command input is split into words, not run by a shell");
        run.Log.ShouldContain("format:github dir:sql");
    }

    [Fact]
    public async Task The_action_passes_the_words_of_every_line_of_a_multi_line_command()
    {
        using var directory = new TempDirectory();
        var fake = Path.Combine(directory.Path, "strata");
        File.WriteAllText(fake, "#!/usr/bin/env bash\nprintf 'arg:%s\\n' \"$@\"\n");
        await Shell.RunOkAsync("chmod", directory.Path, TimeSpan.FromMinutes(1), "+x", fake);
        var action = CompositeAction.Load(Repository.PathTo("action.yml"));

        // What a "command: |" block gives: a line per word and a line break at the end.
        var run = await action.RunAsync(
            new Dictionary<string, string> { ["strata-path"] = fake, ["command"] = "up\n--dry-run\n" }, directory.Path, Environment());

        run.ExitCode.ShouldBe(0, run.Log);
        run.Log.ShouldContain("arg:up\narg:--dry-run\n", customMessage: "a flag on the second line is not dropped");
    }

    [Fact]
    public async Task The_action_refuses_a_path_that_is_not_a_strata_binary()
    {
        using var directory = new TempDirectory();
        var action = CompositeAction.Load(Repository.PathTo("action.yml"));

        var run = await action.RunAsync(
            new Dictionary<string, string> { ["strata-path"] = Path.Combine(directory.Path, "missing") }, directory.Path, Environment());

        run.FailedStep.ShouldBe("install");
        run.ExitCode.ShouldBe(2);
        run.Log.ShouldContain("::error title=strata action::");
    }

    private static Dictionary<string, string> Environment()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "PATH", "HOME", "DOTNET_ROOT" })
        {
            if (System.Environment.GetEnvironmentVariable(name) is { } value)
            {
                environment[name] = value;
            }
        }

        return environment;
    }
}
