using Strata.Core.Lifecycle;
using Strata.Core.Tests.Connections;
using Strata.Testing;

namespace Strata.Core.Tests.Lifecycle;

public sealed class ConnectTests
{
    private const string Password = "Pa55-in-the-env-only";

    [Fact]
    public async Task Psql_gets_the_connection_and_password_through_its_environment_never_its_arguments()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var url = $"postgres://{db.Server.Username}:{Password}@{db.Server.Host}:{db.Server.Port}/{db.Name}?sslmode=disable&application_name=console";
        var lifecycle = new DatabaseLifecycle(await Resolve.UrlAsync(url));

        var info = await lifecycle.PsqlStartInfoAsync(["-c", "select 1"]);

        Path.GetFileName(info.FileName).ShouldBe("psql");
        info.ArgumentList.ShouldBe(["-c", "select 1"]);
        info.Arguments.ShouldNotContain(Password);
        info.Environment["PGPASSWORD"].ShouldBe(Password);
        info.Environment["PGHOST"].ShouldBe(db.Server.Host);
        info.Environment["PGPORT"].ShouldBe(db.Server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        info.Environment["PGDATABASE"].ShouldBe(db.Name);
        info.Environment["PGUSER"].ShouldBe(db.Server.Username);
        info.Environment["PGSSLMODE"].ShouldBe("disable");
        info.Environment["PGAPPNAME"].ShouldBe("console");
        info.RedirectStandardOutput.ShouldBeFalse("psql talks to the user's terminal directly");
    }

    [Fact]
    public async Task Psql_started_that_way_reaches_the_database()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var lifecycle = new DatabaseLifecycle(await Resolve.UrlAsync(db.Url));
        var info = await lifecycle.PsqlStartInfoAsync(["-X", "-tA", "-c", "select current_database() || ':' || 42"]);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;

        using var process = System.Diagnostics.Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        process.ExitCode.ShouldBe(0, await process.StandardError.ReadToEndAsync());
        output.Trim().ShouldBe($"{db.Name}:42");
    }
}
