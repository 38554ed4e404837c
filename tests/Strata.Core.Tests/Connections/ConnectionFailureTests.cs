using System.Net.Sockets;
using Npgsql;
using Strata.Core.Connections;
using Strata.Core.Errors;
using Strata.Testing;

namespace Strata.Core.Tests.Connections;

/// <summary>
/// How failures to connect are worded. Server answers that the trust-authenticated test server cannot give (bad
/// password, pg_hba rejections) are built as the exceptions Npgsql raises for them.
/// </summary>
public sealed class ConnectionFailureTests
{
    private static readonly ConnectionSettings Settings = new()
    {
        Hosts = [new HostEndpoint("db.internal", 5432)],
        Database = "appdb",
        Username = "app",
        Password = Resolve.KnownPassword,
        ConnectTimeoutSeconds = 7,
    };

    public static TheoryData<Exception, string> Failures => new()
    {
        {
            new PostgresException("password authentication failed for user \"app\"", "FATAL", "FATAL", "28P01"),
            "Password authentication failed for user \"app\" on db.internal:5432; check the password and where it comes from."
        },
        {
            new PostgresException("no pg_hba.conf entry for host \"10.0.0.5\", user \"app\", database \"appdb\", no encryption", "FATAL", "FATAL", "28000"),
            "The server at db.internal:5432 only accepts encrypted connections: no pg_hba.conf entry for host \"10.0.0.5\", user \"app\", database \"appdb\", no encryption. Use sslmode=require (or verify-full)."
        },
        {
            new PostgresException("role \"app\" is not permitted to log in", "FATAL", "FATAL", "28000"),
            "The server at db.internal:5432 refused the connection: role \"app\" is not permitted to log in."
        },
        {
            new PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03"),
            "The server at db.internal:5432 is starting up or shutting down; try again shortly."
        },
        {
            new PostgresException("sorry, too many clients already", "FATAL", "FATAL", "53300"),
            "The server at db.internal:5432 has no free connection slots: sorry, too many clients already."
        },
        {
            new FormatException("pgpass entry was not well-formed") { Source = "Npgsql" },
            "The server at db.internal:5432 asks for a password, and none was given: no password is set and no line of the password file (PGPASSFILE, ~/.pgpass) matches."
        },
        {
            new NpgsqlException("Failed to connect", new SocketException((int)SocketError.HostUnreachable)),
            "Host db.internal:5432 is unreachable from here: check the network path (VPC, security group, firewall)."
        },
        {
            new NpgsqlException("The operation has timed out", new TimeoutException()),
            "Timed out connecting to db.internal:5432 after 7 s: check the host, the port and the firewall or security group."
        },
        {
            new NpgsqlException("Exception while reading from stream", new EndOfStreamException()),
            ClosedDuringHandshake("db.internal:5432")
        },
        {
            new NpgsqlException($"Something odd while using Password={Resolve.KnownPassword}"),
            "Could not connect to db.internal:5432: Something odd while using Password=********"
        },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Words_each_failure_in_one_redacted_line(Exception failure, string message)
    {
        var translated = DatabaseConnector.TranslateFailure(failure, Settings)!;

        translated.Message.ShouldBe(message);
        translated.ShouldBeOfType<ConnectionFailedException>();
        translated.ToString().ShouldNotContain(Resolve.KnownPassword);
    }

    [Theory]
    [InlineData("closes at once")]
    [InlineData("answers as a web server")]
    public async Task A_port_that_is_not_postgres_is_said_to_close_the_connection_before_the_handshake(string behaviour)
    {
        await using var server = behaviour == "answers as a web server" ? NotPostgresServer.AnsweringAsWebServer() : NotPostgresServer.HangingUp();
        var resolved = await Resolve.UrlAsync($"postgres://app@127.0.0.1:{server.Port}/appdb?sslmode=disable&connect_timeout=10");

        var error = await Should.ThrowAsync<ConnectionFailedException>(
            () => new DatabaseConnector(null).CreateDataSourceAsync(resolved, null, CancellationToken.None));

        error.Message.ShouldBe(ClosedDuringHandshake($"127.0.0.1:{server.Port}"));
    }

    // Npgsql's own "Unable to connect to a suitable host" says nothing about why: each host's failure is said instead.
    [Fact]
    public async Task Several_hosts_all_down_are_each_said_to_refuse_the_connection()
    {
        var first = ClosedLoopbackPort();
        var second = ClosedLoopbackPort();
        var resolved = await Resolve.UrlAsync($"postgres://app@127.0.0.1:{first},127.0.0.1:{second}/appdb?connect_timeout=5");

        var error = await Should.ThrowAsync<ConnectionFailedException>(
            () => new DatabaseConnector(null).CreateDataSourceAsync(resolved, null, CancellationToken.None));

        error.Message.ShouldStartWith($"Could not connect to any of 127.0.0.1:{first},127.0.0.1:{second}: Connection refused by 127.0.0.1:{first}:");
        error.Message.ShouldContain($"Connection refused by 127.0.0.1:{second}:");
        error.Message.ShouldNotContain("suitable host");
    }

    // As Npgsql reports a refused first host and a second that wants a password: the second host's error comes twice.
    [Fact]
    public void A_failure_that_names_no_host_is_not_pinned_on_a_host_that_failed_otherwise()
    {
        var settings = Settings with { Hosts = [new HostEndpoint("127.0.0.1", 5433), new HostEndpoint("127.0.0.1", 5434)] };
        const string NoPassword = "No password has been provided but the backend requires one (in SASL/SCRAM-SHA-256)";
        var failure = new NpgsqlException(
            "Unable to connect to a suitable host.",
            new AggregateException(
                new NpgsqlException("Failed to connect to 127.0.0.1:5433", new SocketException((int)SocketError.ConnectionRefused)),
                new NpgsqlException(NoPassword),
                new NpgsqlException(NoPassword)));

        DatabaseConnector.TranslateFailure(failure, settings)!.Message.ShouldBe(
            "Could not connect to any of 127.0.0.1:5433,127.0.0.1:5434: Connection refused by 127.0.0.1:5433: is PostgreSQL running there and " +
            $"listening on that port? Could not connect to 127.0.0.1:5434: {NoPassword}");
    }

    [Fact]
    public async Task Each_of_several_hosts_is_given_its_own_failure_not_the_other_hosts()
    {
        var down = ClosedLoopbackPort();
        await using var server = NotPostgresServer.HangingUp();
        var resolved = await Resolve.UrlAsync($"postgres://app@127.0.0.1:{down},127.0.0.1:{server.Port}/appdb?sslmode=disable&connect_timeout=10");

        var error = await Should.ThrowAsync<ConnectionFailedException>(
            () => new DatabaseConnector(null).CreateDataSourceAsync(resolved, null, CancellationToken.None));

        error.Message.ShouldBe(
            $"Could not connect to any of 127.0.0.1:{down},127.0.0.1:{server.Port}: Connection refused by 127.0.0.1:{down}: is PostgreSQL running there " +
            $"and listening on that port? {ClosedDuringHandshake($"127.0.0.1:{server.Port}")}");
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Requiring_tls_from_a_server_without_it_says_to_check_sslmode()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var resolved = await Resolve.UrlAsync(db.Url + "?sslmode=require");

        var error = await Should.ThrowAsync<ConnectionFailedException>(
            () => new DatabaseConnector(null).CreateDataSourceAsync(resolved, null, CancellationToken.None));

        error.Message.ShouldStartWith($"TLS negotiation with {db.Server.Host}:{db.Server.Port} failed: ");
        error.Message.ShouldEndWith("Check sslmode (now require).");
    }

    private static string ClosedDuringHandshake(string where) =>
        $"The server at {where} closed the connection before the PostgreSQL handshake finished: check that the port is PostgreSQL's " +
        "and not another service's, and that nothing in between (a proxy, a load balancer) turns this client away.";
}
