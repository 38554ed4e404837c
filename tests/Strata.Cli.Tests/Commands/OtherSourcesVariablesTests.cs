using System.Globalization;
using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands;

/// <summary>Variables of a source that did not win leave the connection alone, in a real process whose environment the client library reads.</summary>
public sealed class OtherSourcesVariablesTests
{
    [Fact]
    public async Task Libpq_session_variables_do_not_change_a_connection_that_DATABASE_URL_chose()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles();
        files.Add(1, "probe", "-- migrate:up\nCREATE TABLE probe AS SELECT current_setting('search_path') AS path, current_setting('client_encoding') AS encoding;\n");
        var endpoint = $"{db.Server.Host}:{db.Server.Port.ToString(CultureInfo.InvariantCulture)}";
        var twoHosts = $"postgres://{db.Server.Username}@{endpoint},{endpoint}/{db.Name}";
        var cli = new CliHarness(files.Root)
            .With("DATABASE_URL", twoHosts)
            .With("PGOPTIONS", "-c search_path=elsewhere")
            .With("PGCLIENTENCODING", "LATIN1")
            .With("PGTARGETSESSIONATTRS", "standby")
            .With("PGSSLNEGOTIATION", "direct");

        var result = await StrataProcess.RunAsync(cli.WorkingDirectory, cli.Environment, "up");

        result.ExitCode.ShouldBe(0, result.ToString());
        await using var command = db.DataSource.CreateCommand("SELECT path || ' ' || encoding FROM public.probe");
        (await command.ExecuteScalarAsync()).ShouldBe("\"$user\", public UTF8");
    }
}
