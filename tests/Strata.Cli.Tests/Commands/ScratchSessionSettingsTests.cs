using Strata.Cli.Tests.Commands.Db;
using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands;

/// <summary>
/// Migrations that create objects unqualified land where the target's search_path puts them; the scratch database
/// that rebuilds their schema must be connected to with the same session settings, from the URL or the server.
/// </summary>
public sealed class ScratchSessionSettingsTests
{
    private const string CreateInApp = "-- migrate:up\nCREATE SCHEMA app;\nCREATE TABLE t (a integer);\n\n-- migrate:down\nDROP TABLE t;\nDROP SCHEMA app;\n";

    // An application's own setting, which pg_settings does not list, shapes the schema too.
    private const string CommentFromSetting =
        "-- migrate:up\nDO $$ BEGIN EXECUTE format('COMMENT ON TABLE t IS %L', current_setting('myapp.note', true)); END $$;\n\n-- migrate:down\nCOMMENT ON TABLE t IS NULL;\n";

    [Fact]
    public async Task Drift_builds_with_the_search_path_of_the_target_url()
    {
        await using var target = await TestPostgres.CreateDatabaseAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        using var files = Migrations();
        var url = target.Url + "?search_path=app,public";
        (await Cli(files).RunAsync("up", "--database-url", url)).ExitCode.ShouldBe(0);
        (await DbCli.ScalarAsync<bool>(target, "SELECT to_regclass('app.t') IS NOT NULL")).ShouldBeTrue();

        var result = await Cli(files).RunAsync("drift", "--database-url", url, "--scratch-url", scratch.Url);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("no drift");
    }

    [Fact]
    public async Task Drift_and_adopt_detect_build_with_the_settings_the_server_keeps_for_the_target()
    {
        await using var target = await TestPostgres.CreateDatabaseAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        using var files = Migrations();
        await DbCli.ExecuteAsync(target, $"ALTER DATABASE \"{target.Name}\" SET search_path = app, public");
        await DbCli.ExecuteAsync(target, $"ALTER ROLE CURRENT_USER IN DATABASE \"{target.Name}\" SET myapp.note = 'noted, kept'");
        await DbCli.ExecuteAsync(target, "CREATE SCHEMA app; CREATE TABLE app.t (a integer); COMMENT ON TABLE app.t IS 'noted, kept'");

        var detect = await Cli(files).RunAsync("adopt", "--database-url", target.Url, "--scratch-url", scratch.Url, "--detect");
        await DbCli.ExecuteAsync(target, "DROP SCHEMA app CASCADE");
        (await Cli(files).RunAsync("up", "--database-url", target.Url)).ExitCode.ShouldBe(0);
        (await DbCli.ScalarAsync<string>(target, "SELECT obj_description('app.t'::regclass)")).ShouldBe("noted, kept");
        var drift = await Cli(files).RunAsync("drift", "--database-url", target.Url, "--scratch-url", scratch.Url);

        detect.ExitCode.ShouldBe(0, detect.ToString());
        detect.Stdout.ShouldContain("the schema equals that of version 2");
        drift.ExitCode.ShouldBe(0, drift.ToString());
        drift.Stdout.ShouldContain("no drift");
    }

    [Fact]
    public async Task Verify_builds_with_the_search_path_of_the_database_url()
    {
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        using var files = Migrations();
        File.WriteAllText(Path.Combine(files.Root, "schema.sql"), "CREATE SCHEMA app;\nCREATE TABLE app.t (a integer);\n");

        var result = await Cli(files).RunAsync(
            "verify", "--database-url", scratch.Url + "?search_path=app,public", "--scratch-url", scratch.Url, "--file", "schema.sql");

        result.ExitCode.ShouldBe(0, result.ToString());
    }

    private static MigrationFiles Migrations()
    {
        var files = new MigrationFiles();
        files.Add(1, "app", CreateInApp);
        files.Add(2, "comment", CommentFromSetting);
        return files;
    }

    private static CliHarness Cli(MigrationFiles files) => new(files.Root);
}
