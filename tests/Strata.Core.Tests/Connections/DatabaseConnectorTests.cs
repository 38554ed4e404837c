using System.Net;
using System.Net.Sockets;
using Npgsql;
using Strata.Core.Connections;
using Strata.Core.Errors;
using Strata.Testing;

namespace Strata.Core.Tests.Connections;

public sealed class DatabaseConnectorTests
{
    private const string Pw = Resolve.KnownPassword;

    [Fact]
    public async Task Connects_to_the_database_of_a_url_with_strata_as_the_application_name()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var resolved = await Resolve.UrlAsync(db.Url);

        await using var dataSource = await new DatabaseConnector(null).CreateDataSourceAsync(resolved, null, CancellationToken.None);

        (await ScalarAsync(dataSource, "SELECT current_database()")).ShouldBe(db.Name);
        (await ScalarAsync(dataSource, "SELECT current_setting('application_name')")).ShouldBe("strata");
    }

    [Fact]
    public async Task Connects_with_a_keyword_string_and_applies_url_settings_over_options()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var resolved = await Resolve.UrlAsync(db.ConnectionString + ";Application Name=from-url;Search Path=audit,public");

        await using var dataSource = await new DatabaseConnector(null).CreateDataSourceAsync(
            resolved, new DataSourceOptions { ApplicationName = "from-options" }, CancellationToken.None);

        (await ScalarAsync(dataSource, "SELECT current_setting('application_name')")).ShouldBe("from-url");
        (await ScalarAsync(dataSource, "SELECT current_setting('search_path')")).ShouldBe("audit,public");
    }

    [Theory]
    [InlineData("read-write", "")]
    [InlineData("primary", "")]
    [InlineData("any", "")]
    [InlineData("prefer-standby", "")]
    [InlineData("read-only", "&options=-c%20default_transaction_read_only%3Don")]
    public async Task A_single_host_meeting_target_session_attrs_is_accepted(string attributes, string more)
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var resolved = await Resolve.UrlAsync($"{db.Url}?target_session_attrs={attributes}{more}");

        await using var dataSource = await new DatabaseConnector(null).CreateDataSourceAsync(resolved, null, CancellationToken.None);

        (await ScalarAsync(dataSource, "SELECT current_database()")).ShouldBe(db.Name);
    }

    [Theory]
    [InlineData("standby", "", "is a primary (not in recovery)")]
    [InlineData("read-only", "", "allows read-write transactions (transaction_read_only is off)")]
    [InlineData("read-write", "&options=-c%20default_transaction_read_only%3Don", "only allows read-only transactions (transaction_read_only is on)")]
    public async Task A_single_host_not_meeting_target_session_attrs_is_a_connection_failure_naming_the_mismatch(
        string attributes, string more, string problem)
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var resolved = await Resolve.UrlAsync($"{db.Url}?target_session_attrs={attributes}{more}");

        var error = await Should.ThrowAsync<ConnectionFailedException>(
            () => new DatabaseConnector(null).CreateDataSourceAsync(resolved, null, CancellationToken.None));

        error.Message.ShouldBe(
            $"The server at {Resolve.Hosts(resolved.Settings)} {problem}, and target_session_attrs={attributes} asks for a {attributes} server; connect to one, or change target_session_attrs.");
    }

    [Fact]
    public async Task Sends_server_options_from_the_url()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var resolved = await Resolve.UrlAsync(db.Url + "?options=-c%20statement_timeout%3D4321");

        await using var dataSource = await new DatabaseConnector(null).CreateDataSourceAsync(resolved, null, CancellationToken.None);

        (await ScalarAsync(dataSource, "SELECT current_setting('statement_timeout')")).ShouldBe("4321ms");
    }

    [Fact]
    public async Task Tries_the_next_host_when_the_first_refuses()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var closedPort = FreePort();
        var resolved = await Resolve.UrlAsync(
            $"postgres://{db.Server.Username}@127.0.0.1:{closedPort},{db.Server.Host}:{db.Server.Port}/{db.Name}");

        await using var dataSource = await new DatabaseConnector(null).CreateDataSourceAsync(resolved, null, CancellationToken.None);

        (await ScalarAsync(dataSource, "SELECT current_database()")).ShouldBe(db.Name);
    }

    [Fact]
    public async Task A_database_that_does_not_exist_is_a_connection_failure_naming_it()
    {
        var server = await TestPostgres.ServerAsync();
        var resolved = await Resolve.UrlAsync($"postgres://{server.Username}:{Pw}@{server.Host}:{server.Port}/no_such_db_here");

        var error = await Should.ThrowAsync<ConnectionFailedException>(
            () => new DatabaseConnector(null).CreateDataSourceAsync(resolved, null, CancellationToken.None));

        error.Message.ShouldBe(
            $"Database \"no_such_db_here\" does not exist on {server.Host}:{server.Port}; create it or check the database name.");
        error.ToString().ShouldNotContain(Pw);
    }

    [Fact]
    public async Task A_closed_port_is_a_connection_failure_naming_host_and_port()
    {
        var port = FreePort();
        var resolved = await Resolve.UrlAsync($"postgres://app:{Pw}@127.0.0.1:{port}/db");

        var error = await Should.ThrowAsync<ConnectionFailedException>(
            () => new DatabaseConnector(null).CreateDataSourceAsync(resolved, null, CancellationToken.None));

        error.Message.ShouldBe($"Connection refused by 127.0.0.1:{port}: is PostgreSQL running there and listening on that port?");
        error.ToString().ShouldNotContain(Pw);
    }

    [Fact]
    public async Task A_host_that_does_not_resolve_is_a_connection_failure_naming_it()
    {
        var resolved = await Resolve.UrlAsync($"postgres://app:{Pw}@no-such-host.invalid/db?connect_timeout=5");

        var error = await Should.ThrowAsync<ConnectionFailedException>(
            () => new DatabaseConnector(null).CreateDataSourceAsync(resolved, null, CancellationToken.None));

        error.Message.ShouldBe("Host no-such-host.invalid could not be resolved; check the host name.");
    }

    [Fact]
    public async Task Without_verification_the_data_source_is_returned_and_fails_on_first_use()
    {
        var resolved = await Resolve.UrlAsync($"postgres://app@127.0.0.1:{FreePort()}/db");

        await using var dataSource = await new DatabaseConnector(null).CreateDataSourceAsync(
            resolved, new DataSourceOptions { VerifyConnection = false }, CancellationToken.None);
        var failure = await Should.ThrowAsync<NpgsqlException>(() => dataSource.OpenConnectionAsync().AsTask());

        DatabaseConnector.TranslateFailure(failure, resolved.Settings)!.Message.ShouldStartWith("Connection refused by 127.0.0.1:");
        DatabaseConnector.TranslateFailure(new InvalidOperationException("x"), resolved.Settings).ShouldBeNull();
    }

    [Fact]
    public async Task A_password_command_is_wired_into_the_data_source()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var directory = new TempDirectory();
        var resolved = await Resolve.WithAsync(
            directory, configure: r => r with { DatabaseUrl = db.Url, PasswordCommand = "echo token-123" });

        await using var dataSource = await new DatabaseConnector(null).CreateDataSourceAsync(resolved, null, CancellationToken.None);

        // The test server trusts local connections, so it never asks for the password; the connection must still open.
        (await ScalarAsync(dataSource, "SELECT current_database()")).ShouldBe(db.Name);
    }

    [Fact]
    public async Task The_local_default_starts_the_local_server_and_creates_its_database()
    {
        await using var admin = await TestPostgres.CreateDatabaseAsync();
        var localServer = new FixtureLocalServer(admin.Server);
        var name = $"strata_local_{Guid.NewGuid():N}"[..40];
        using var directory = new TempDirectory();
        directory.Write("strata.json", $$"""{ "localDatabase": "{{name}}" }""");
        var resolved = await Resolve.WithAsync(directory);
        try
        {
            await using (var first = await new DatabaseConnector(localServer).CreateDataSourceAsync(resolved, null, CancellationToken.None))
            {
                (await ScalarAsync(first, "SELECT current_database()")).ShouldBe(name);
            }

            await using var second = await new DatabaseConnector(localServer).CreateDataSourceAsync(resolved, null, CancellationToken.None);
            (await ScalarAsync(second, "SELECT current_database()")).ShouldBe(name);
            localServer.Calls.ShouldBe(2);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var drop = admin.DataSource.CreateCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task The_local_default_without_a_local_server_is_a_configuration_error()
    {
        var resolved = await Resolve.EnvironmentAsync();

        var error = await Should.ThrowAsync<ConfigurationException>(
            () => new DatabaseConnector(null).CreateDataSourceAsync(resolved, null, CancellationToken.None));

        error.Message.ShouldStartWith("No database was given and no local server is available here");
        error.NextSteps.Select(step => step.Kind).ShouldBe([NextStepKind.GiveDatabaseUrl, NextStepKind.ChooseEnvironment]);
    }

    private static async Task<string?> ScalarAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (string?)await command.ExecuteScalarAsync();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Theory]
    [InlineData("?sslmode=require")]
    [InlineData("?sslmode=verify-full")]
    public async Task A_unix_socket_connects_whatever_sslmode_says_as_libpq_ignores_it_there(string query)
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var show = db.DataSource.CreateCommand("SELECT split_part(current_setting('unix_socket_directories'), ',', 1)");
        var socket = ((string)(await show.ExecuteScalarAsync())!).Trim().Trim('"');
        if (!socket.StartsWith('/'))
        {
            return; // an external server (STRATA_TEST_DATABASE_URL) with no socket of its own
        }

        var resolved = await Resolve.UrlAsync(
            $"postgres://{db.Server.Username}@{Uri.EscapeDataString(socket)}:{db.Server.Port}/{db.Name}{query}");

        await using var dataSource = await new DatabaseConnector(null).CreateDataSourceAsync(resolved, null, CancellationToken.None);
        await using var command = dataSource.CreateCommand("SELECT 1");
        (await command.ExecuteScalarAsync()).ShouldBe(1);
    }
}
