using Npgsql;

namespace Strata.Core.Tests.Connections;

public sealed class PostgresUrlTests
{
    private static readonly string OsUser = Environment.UserName;

    public static TheoryData<string, string, string, string?, string?> Addresses => new()
    {
        // url, hosts, database, user, password
        { "postgres://app:s3kr1t-x@db.example.com:6543/appdb", "db.example.com:6543", "appdb", "app", "s3kr1t-x" },
        { "postgresql://app@db/appdb", "db:5432", "appdb", "app", null },
        { "POSTGRES://app@db/appdb", "db:5432", "appdb", "app", null },
        { "postgres://us%40er:p%40ss%2Fw%3Ard@host/my%20db", "host:5432", "my db", "us@er", "p@ss/w:rd" },
        { "postgres://app:p@ss@host/db", "host:5432", "db", "app", "p@ss" },
        { "postgres://app:@host/db", "host:5432", "db", "app", null },
        { "postgres://u@[::1]:5433/db", "[::1]:5433", "db", "u", null },
        { "postgres://u@[2001:db8::5]/db", "[2001:db8::5]:5432", "db", "u", null },
        { "postgres://u@h1:5432,h2:5433/db", "h1:5432,h2:5433", "db", "u", null },
        { "postgres://u@h1,h2:5433/db", "h1:5432,h2:5433", "db", "u", null },
        { "postgres://u@[::1]:6000,db2/db", "[::1]:6000,db2:5432", "db", "u", null },
        { "postgres://u@/db", "localhost:5432", "db", "u", null },
        { "postgres://u@:6000/db", "localhost:6000", "db", "u", null },
        { "postgres://u@host", "host:5432", "u", "u", null },
        { "postgres://u@host/", "host:5432", "u", "u", null },
        { "postgres://u@%2Fvar%2Frun%2Fpostgresql/db", "/var/run/postgresql:5432", "db", "u", null },
        { "postgres://u@h/db?host=/tmp", "/tmp:5432", "db", "u", null },
        { "postgres://u@h/db?port=6000", "h:6000", "db", "u", null },
        { "postgres://u@h:7000/db?host=other", "other:7000", "db", "u", null },
        { "postgres:///db?host=h1,h2&port=5001,5002", "h1:5001,h2:5002", "db", null, null },
        { "postgres://h/?user=bob&password=pw%26x&dbname=app", "h:5432", "app", "bob", "pw&x" },
        { "postgres://h/db?password=", "h:5432", "db", null, null },
        { "postgres://h/caf%C3%A9", "h:5432", "café", null, null },
        { "  postgres://u@h/db  ", "h:5432", "db", "u", null },
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task Reads_the_address_and_credentials_of_a_url(string url, string hosts, string database, string? user, string? password)
    {
        var settings = (await Resolve.UrlAsync(url)).Settings;

        Resolve.Hosts(settings).ShouldBe(hosts);
        settings.Database.ShouldBe(database == "u" && user is null ? OsUser : database);
        settings.Username.ShouldBe(user ?? OsUser);
        settings.Password.ShouldBe(password);
    }

    [Fact]
    public async Task A_url_without_user_or_database_uses_the_operating_system_user_for_both()
    {
        var settings = (await Resolve.UrlAsync("postgres://")).Settings;

        Resolve.Hosts(settings).ShouldBe("localhost:5432");
        settings.Username.ShouldBe(OsUser);
        settings.Database.ShouldBe(OsUser);
    }

    [Theory]
    [InlineData("disable", SslMode.Disable)]
    [InlineData("allow", SslMode.Allow)]
    [InlineData("prefer", SslMode.Prefer)]
    [InlineData("require", SslMode.Require)]
    [InlineData("verify-ca", SslMode.VerifyCA)]
    [InlineData("VERIFY-FULL", SslMode.VerifyFull)]
    public async Task Reads_every_sslmode(string value, SslMode expected)
    {
        var settings = (await Resolve.UrlAsync($"postgres://u@h/db?sslmode={value}")).Settings;

        settings.SslMode.ShouldBe(expected);
    }

    [Fact]
    public async Task Reads_every_other_query_parameter_percent_decoded()
    {
        var settings = (await Resolve.UrlAsync(
            "postgres://u@h/db?sslrootcert=%2Fetc%2Fca.pem&application_name=my%20app&connect_timeout=10" +
            "&options=-c%20statement_timeout%3D5s&search_path=app,public&target_session_attrs=read-write")).Settings;

        settings.SslRootCert.ShouldBe("/etc/ca.pem");
        settings.ApplicationName.ShouldBe("my app");
        settings.ConnectTimeoutSeconds.ShouldBe(10);
        settings.Options.ShouldBe("-c statement_timeout=5s");
        settings.SearchPath.ShouldBe("app,public");
        settings.TargetSessionAttributes.ShouldBe("read-write");
    }

    [Fact]
    public async Task The_display_url_masks_the_password_and_keeps_everything_else()
    {
        var settings = (await Resolve.UrlAsync(
            $"postgres://app:{Resolve.KnownPassword}@h1:5432,[::1]:5433/app%20db?sslmode=verify-full&application_name=web&connect_timeout=5")).Settings;

        settings.ToDisplayUrl().ShouldBe(
            "postgres://app:********@h1:5432,[::1]:5433/app%20db?sslmode=verify-full&application_name=web&connect_timeout=5");
        settings.ToString().ShouldBe(settings.ToDisplayUrl());
    }

    [Fact]
    public async Task The_display_url_round_trips_through_the_parser()
    {
        var original = (await Resolve.UrlAsync(
            "postgres://us%40er@%2Ftmp:5433/d%2Fb?options=-c%20x%3Dy&search_path=a%2Cb&target_session_attrs=primary")).Settings;

        var reparsed = (await Resolve.UrlAsync(original.ToDisplayUrl())).Settings;

        reparsed.ToDisplayUrl().ShouldBe(original.ToDisplayUrl());
        reparsed.Username.ShouldBe("us@er");
        reparsed.Database.ShouldBe("d/b");
        reparsed.Options.ShouldBe("-c x=y");
        Resolve.Hosts(reparsed).ShouldBe("/tmp:5433");
    }
}
