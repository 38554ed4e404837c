using Npgsql;
using Strata.Core.Connections;
using Strata.Core.Errors;

namespace Strata.Core.Tests.Connections;

public sealed class VariableTierTests
{
    [Fact]
    public async Task Reads_every_db_variable()
    {
        var resolved = await Resolve.EnvironmentAsync(
            ("DB_HOST", "db.internal"), ("DB_PORT", "6000"), ("DB_NAME", "appdb"), ("DB_USER", "app"), ("DB_PASSWORD", "pw-db-var"));

        resolved.Source.ShouldBe(ConnectionSourceKind.DbVariables);
        resolved.Settings.ToDisplayUrl().ShouldBe("postgres://app:********@db.internal:6000/appdb");
        resolved.Settings.Password.ShouldBe("pw-db-var");
        resolved.PasswordSource.ShouldBe(PasswordSource.Variable);
        resolved.PasswordSourceDescription.ShouldBe("given in DB_PASSWORD");
    }

    [Fact]
    public async Task Db_host_alone_uses_libpq_defaults()
    {
        var resolved = await Resolve.EnvironmentAsync(("DB_HOST", "db.internal"));

        Resolve.Hosts(resolved.Settings).ShouldBe("db.internal:5432");
        resolved.Settings.Username.ShouldBe(Environment.UserName);
        resolved.Settings.Database.ShouldBe(Environment.UserName);
        resolved.PasswordSource.ShouldBe(PasswordSource.None);
    }

    [Fact]
    public async Task Db_variables_without_db_host_do_not_apply()
    {
        var resolved = await Resolve.EnvironmentAsync(("DB_NAME", "appdb"), ("DB_USER", "app"));

        resolved.Source.ShouldBe(ConnectionSourceKind.LocalDefault);
    }

    [Fact]
    public async Task A_bad_db_port_is_an_error_naming_the_variable()
    {
        var error = await Should.ThrowAsync<ConfigurationException>(
            () => Resolve.EnvironmentAsync(("DB_HOST", "h"), ("DB_PORT", "five"), ("DB_PASSWORD", Resolve.KnownPassword)));

        error.Message.ShouldBe("DB_PORT: value 'five' is not a port number (1-65535)");
    }

    [Fact]
    public async Task Reads_every_pg_variable()
    {
        var resolved = await Resolve.EnvironmentAsync(
            ("PGHOST", "pg.internal"), ("PGPORT", "6001"), ("PGDATABASE", "appdb"), ("PGUSER", "app"), ("PGPASSWORD", "pw-pg-var"),
            ("PGSSLMODE", "verify-full"), ("PGSSLROOTCERT", "/etc/rds-ca.pem"), ("PGAPPNAME", "worker"), ("PGCONNECT_TIMEOUT", "9"),
            ("PGOPTIONS", "-c lock_timeout=2s"), ("PGTARGETSESSIONATTRS", "read-write"));

        var settings = resolved.Settings;
        resolved.Source.ShouldBe(ConnectionSourceKind.PgVariables);
        Resolve.Hosts(settings).ShouldBe("pg.internal:6001");
        settings.Database.ShouldBe("appdb");
        settings.Username.ShouldBe("app");
        settings.Password.ShouldBe("pw-pg-var");
        settings.SslMode.ShouldBe(SslMode.VerifyFull);
        settings.SslRootCert.ShouldBe("/etc/rds-ca.pem");
        settings.ApplicationName.ShouldBe("worker");
        settings.ConnectTimeoutSeconds.ShouldBe(9);
        settings.Options.ShouldBe("-c lock_timeout=2s");
        settings.TargetSessionAttributes.ShouldBe("read-write");
        resolved.PasswordSourceDescription.ShouldBe("given in PGPASSWORD");
    }

    [Fact]
    public async Task Pgdatabase_alone_applies_and_connects_to_localhost()
    {
        var resolved = await Resolve.EnvironmentAsync(("PGDATABASE", "appdb"));

        resolved.Source.ShouldBe(ConnectionSourceKind.PgVariables);
        Resolve.Hosts(resolved.Settings).ShouldBe("localhost:5432");
        resolved.Settings.Database.ShouldBe("appdb");
    }

    [Fact]
    public async Task Pghost_and_pgport_lists_pair_up()
    {
        var resolved = await Resolve.EnvironmentAsync(("PGHOST", "a,b"), ("PGPORT", "5001,5002"));

        Resolve.Hosts(resolved.Settings).ShouldBe("a:5001,b:5002");
    }

    [Fact]
    public async Task Pguser_alone_does_not_apply()
    {
        var resolved = await Resolve.EnvironmentAsync(("PGUSER", "app"), ("PGPASSWORD", "pw-1234"));

        resolved.Source.ShouldBe(ConnectionSourceKind.LocalDefault);
    }

    [Theory]
    [InlineData("PGSSLMODE", "sometimes", "PGSSLMODE: value 'sometimes' is not one of disable")]
    [InlineData("PGPORT", "x", "PGPORT: value 'x' is not a port number")]
    [InlineData("PGCONNECT_TIMEOUT", "soon", "PGCONNECT_TIMEOUT: value 'soon' is not a whole number")]
    public async Task A_bad_pg_variable_is_an_error_naming_it(string variable, string value, string message)
    {
        var error = await Should.ThrowAsync<ConfigurationException>(
            () => Resolve.EnvironmentAsync(("PGHOST", "h"), (variable, value), ("PGPASSWORD", Resolve.KnownPassword)));

        error.Message.ShouldStartWith(message);
        MalformedInputTests.ShouldNotRevealThePassword(error);
    }

    [Theory]
    [InlineData("DB_HOST", "127.0.0.1:6000", "DB_HOST: is one host with no port: give the port in DB_PORT")]
    [InlineData("DB_HOST", "db1,db2", "DB_HOST: is one host, not a list: give several hosts in a database URL")]
    [InlineData("PGHOST", "db1,127.0.0.1:6000", "PGHOST: a host takes no port here: give it in PGPORT")]
    [InlineData("DB_SECRET", """{"username":"app","host":"db:6000"}""", "DB_SECRET field 'host': is one host with no port: give the port in the field 'port'")]
    public async Task A_host_variable_holding_a_port_or_a_list_it_cannot_have_is_an_error(string variable, string value, string message)
    {
        var error = await Should.ThrowAsync<ConfigurationException>(() => Resolve.EnvironmentAsync((variable, value)));

        error.Message.ShouldBe(message);
    }

    [Theory]
    [InlineData("DB_HOST", "::1", "[::1]:5432")]
    [InlineData("DB_HOST", "/var/run/postgresql", "/var/run/postgresql:5432")]
    [InlineData("PGHOST", "fe80::1,db2", "[fe80::1]:5432,db2:5432")]
    public async Task A_bare_ipv6_address_or_a_socket_directory_is_one_host(string variable, string value, string hosts)
    {
        var resolved = await Resolve.EnvironmentAsync((variable, value));

        Resolve.Hosts(resolved.Settings).ShouldBe(hosts);
    }
}
