using Npgsql;
using Strata.Core.Connections;

namespace Strata.Core.Tests.Connections;

public sealed class KeywordConnectionStringTests
{
    [Fact]
    public async Task Reads_the_address_and_credentials_of_a_keyword_string()
    {
        var settings = (await Resolve.UrlAsync("Host=db;Port=6000;Database=app;Username=web;Password=pw1234")).Settings;

        Resolve.Hosts(settings).ShouldBe("db:6000");
        settings.Database.ShouldBe("app");
        settings.Username.ShouldBe("web");
        settings.Password.ShouldBe("pw1234");
    }

    [Fact]
    public async Task Accepts_npgsql_synonyms_and_maps_libpq_settings()
    {
        var settings = (await Resolve.UrlAsync(
            "Server=db;User Id=web;Pwd=pw1234;Database=app;SSL Mode=VerifyFull;Timeout=7;Search Path=s;" +
            "Application Name=a;Options=-c x=y;Target Session Attributes=primary;Root Certificate=/ca.pem")).Settings;

        settings.Username.ShouldBe("web");
        settings.Password.ShouldBe("pw1234");
        settings.SslMode.ShouldBe(SslMode.VerifyFull);
        settings.ConnectTimeoutSeconds.ShouldBe(7);
        settings.SearchPath.ShouldBe("s");
        settings.ApplicationName.ShouldBe("a");
        settings.Options.ShouldBe("-c x=y");
        settings.TargetSessionAttributes.ShouldBe("primary");
        settings.SslRootCert.ShouldBe("/ca.pem");
    }

    // Npgsql's builder answers every keyword it knows with a value, given or not: only what the string sets is its.
    [Fact]
    public async Task What_a_keyword_string_leaves_out_comes_from_the_defaults_as_for_a_url()
    {
        var keywords = (await Resolve.UrlAsync("Host=db;Database=app;Username=web")).Describe().ToDictionary(r => r.Name);
        var url = (await Resolve.UrlAsync("postgres://web@db/app")).Describe().ToDictionary(r => r.Name);

        foreach (var name in new[] { "port", "sslmode", "connect_timeout" })
        {
            keywords.GetValueOrDefault(name).ShouldBe(url.GetValueOrDefault(name), name);
        }

        keywords["port"].Origin.ShouldBe("default");
        keywords["host"].Origin.ShouldBe(url["host"].Origin);
    }

    [Theory]
    [InlineData("Host=h1:5432,h2:5433;Database=d;Username=u", "h1:5432,h2:5433")]
    [InlineData("Host=h1,h2;Port=6000;Database=d;Username=u", "h1:6000,h2:6000")]
    [InlineData("Host=h1:5001,h2;Port=6000;Database=d;Username=u", "h1:5001,h2:6000")]
    [InlineData("Host=[::1]:5433;Database=d;Username=u", "[::1]:5433")]
    [InlineData("Host=::1;Database=d;Username=u", "[::1]:5432")]
    [InlineData("Database=d;Username=u", "localhost:5432")]
    public async Task Reads_hosts_with_and_without_ports(string keywords, string hosts)
    {
        var settings = (await Resolve.UrlAsync(keywords)).Settings;

        Resolve.Hosts(settings).ShouldBe(hosts);
    }

    [Fact]
    public async Task Keeps_other_npgsql_keywords_and_passes_them_to_the_connection()
    {
        var settings = (await Resolve.UrlAsync("Host=h;Database=d;Username=u;Keepalive=5;Include Error Detail=true;Maximum Pool Size=7")).Settings;

        settings.AdditionalKeywords["Keepalive"].ShouldBe("5");
        var built = NpgsqlSettings.Build(settings, new DataSourceOptions { MaxPoolSize = 50 }, includePassword: true);
        built.KeepAlive.ShouldBe(5);
        built.IncludeErrorDetail.ShouldBeTrue();
        built.MaxPoolSize.ShouldBe(7);
    }
}
