using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Packaging;

/// <summary>
/// A new user's first hour: a web app made by <c>dotnet new web</c> in a directory of its own, far from this
/// repository, takes Strata.AspNetCore from a package feed, adds the three lines docs/aspnetcore.md starts with,
/// and its readiness endpoint answers against a real database.
/// </summary>
[Trait("Category", "Packaging")]
[Collection(PackedFeed.Collection)]
public sealed class SampleAppTests(PackedFeed feed)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task App_outside_the_repository_adds_Strata_in_three_lines_and_answers_ready()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var work = new TempDirectory();
        work.Path.ShouldNotStartWith(Repository.Root);
        var app = Path.Combine(work.Path, "SampleApp");
        await Shell.RunOkAsync("dotnet", work.Path, Timeout, "new", "web", "--output", app, "--no-restore");
        await File.WriteAllTextAsync(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="strata-local" value="{feed.Path}" />
              </packageSources>
            </configuration>
            """);
        await Shell.RunOkAsync("dotnet", app, Timeout, "add", "package", "Strata.AspNetCore", "--prerelease");

        var program = Path.Combine(app, "Program.cs");
        var code = await File.ReadAllTextAsync(program);
        code = "using Strata.AspNetCore;\n" + code
            .Replace("var app = builder.Build();", "builder.AddStrata();\nvar app = builder.Build();\napp.MapStrataHealth();", StringComparison.Ordinal);
        await File.WriteAllTextAsync(program, code);
        var migrations = Directory.CreateDirectory(Path.Combine(app, "db", "migrations")).FullName;
        await File.WriteAllTextAsync(Path.Combine(migrations, "20260101000000_create_notes.sql"),
            "-- migrate:up\nCREATE TABLE notes (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text NOT NULL);\n\n-- migrate:down\nDROP TABLE notes;\n");
        await Shell.RunOkAsync("dotnet", app, Timeout, "build", "-c", "Release", "--disable-build-servers", "-nologo");

        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = app,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "run", "--no-build", "-c", "Release", "--no-launch-profile", "--urls", $"http://127.0.0.1:{port}" })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DATABASE_URL"] = db.Url;
        info.Environment["Strata__MigrateOnStart"] = "true";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            var (status, body) = await ReadyAsync(port, process);
            status.ShouldBe(HttpStatusCode.OK, body);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        (await errors).ShouldNotContain("Unhandled exception");
        _ = await output;
        await using var connection = new Npgsql.NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var query = new Npgsql.NpgsqlCommand("SELECT to_regclass('public.notes') IS NOT NULL", connection);
        ((bool)(await query.ExecuteScalarAsync())!).ShouldBeTrue("the app applied its migration on start before it was ready");
    }

    // Bounded: the app either answers within a minute or the test fails with what it said.
    private static async Task<(HttpStatusCode Status, string Body)> ReadyAsync(int port, Process process)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health/ready"));
                return (response.StatusCode, await response.Content.ReadAsStringAsync());
            }
            catch (HttpRequestException)
            {
                await Task.Delay(250);
            }
        }

        throw new TimeoutException($"the sample app did not answer on 127.0.0.1:{port} (exited: {process.HasExited})");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
