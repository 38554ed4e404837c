using Strata.Core.Connections;
using Strata.Core.Errors;

namespace Strata.Core.Tests.Connections;

public sealed class DbSecretTests
{
    private const string Pw = Resolve.KnownPassword;

    [Fact]
    public async Task Reads_a_full_rds_secret()
    {
        var resolved = await Resolve.EnvironmentAsync(("DB_SECRET",
            $$"""{"username":"app","password":"{{Pw}}","engine":"postgres","host":"db.rds.amazonaws.com","port":5432,"dbname":"appdb","dbInstanceIdentifier":"prod-db"}"""));

        resolved.Source.ShouldBe(ConnectionSourceKind.DbSecret);
        Resolve.Hosts(resolved.Settings).ShouldBe("db.rds.amazonaws.com:5432");
        resolved.Settings.Database.ShouldBe("appdb");
        resolved.Settings.Username.ShouldBe("app");
        resolved.Settings.Password.ShouldBe(Pw);
        resolved.PasswordSource.ShouldBe(PasswordSource.SecretJson);
        resolved.SourceDescription.ShouldBe("DB_SECRET environment variable");
    }

    [Fact]
    public async Task Accepts_the_port_as_a_string_and_aurora_as_the_engine()
    {
        var resolved = await Resolve.EnvironmentAsync(("DB_SECRET",
            """{"username":"app","password":"pw-1234","engine":"aurora-postgresql","host":"cluster","port":"6543","dbname":"appdb"}"""));

        Resolve.Hosts(resolved.Settings).ShouldBe("cluster:6543");
    }

    [Fact]
    public async Task Without_dbname_the_database_is_named_after_the_user()
    {
        var resolved = await Resolve.EnvironmentAsync(("DB_SECRET", """{"username":"app","password":"pw-1234","host":"h"}"""));

        resolved.Settings.Database.ShouldBe("app");
    }

    [Fact]
    public async Task A_managed_master_secret_takes_its_address_from_db_host_port_and_name()
    {
        var resolved = await Resolve.EnvironmentAsync(
            ("DB_SECRET", $$"""{"username":"postgres","password":"{{Pw}}"}"""),
            ("DB_HOST", "db.internal"),
            ("DB_PORT", "6432"),
            ("DB_NAME", "appdb"));

        resolved.Source.ShouldBe(ConnectionSourceKind.DbSecret);
        Resolve.Hosts(resolved.Settings).ShouldBe("db.internal:6432");
        resolved.Settings.Database.ShouldBe("appdb");
        resolved.Settings.Username.ShouldBe("postgres");
        resolved.SourceDescription.ShouldBe("DB_SECRET environment variable (with DB_HOST, DB_PORT, DB_NAME)");
        var origins = resolved.Describe().ToDictionary(r => r.Name, r => r.Origin);
        origins["host"].ShouldBe("DB_HOST");
        origins["user"].ShouldBe("DB_SECRET");
    }

    [Fact]
    public async Task Db_host_overrides_the_host_in_the_secret_to_reach_a_proxy()
    {
        var resolved = await Resolve.EnvironmentAsync(
            ("DB_SECRET", """{"username":"app","password":"pw-1234","host":"instance.rds","port":5432,"dbname":"appdb"}"""),
            ("DB_HOST", "proxy.rds"));

        Resolve.Hosts(resolved.Settings).ShouldBe("proxy.rds:5432");
        resolved.Settings.Database.ShouldBe("appdb");
    }

    [Fact]
    public async Task The_credentials_come_from_the_secret_even_when_db_user_and_db_password_are_set()
    {
        var resolved = await Resolve.EnvironmentAsync(
            ("DB_SECRET", """{"username":"app","password":"pw-from-secret","host":"h"}"""),
            ("DB_USER", "other"),
            ("DB_PASSWORD", "pw-from-variable"));

        resolved.Settings.Username.ShouldBe("app");
        resolved.Settings.Password.ShouldBe("pw-from-secret");
    }

    [Fact]
    public async Task A_managed_secret_without_db_host_is_an_error_that_says_to_set_it()
    {
        var error = await Should.ThrowAsync<ConfigurationException>(
            () => Resolve.EnvironmentAsync(("DB_SECRET", $$"""{"username":"postgres","password":"{{Pw}}"}""")));

        error.Message.ShouldContain("DB_SECRET");
        error.Message.ShouldContain("set DB_HOST");
        MalformedInputTests.ShouldNotRevealThePassword(error);
    }

    public static TheoryData<string, string> BadSecrets => new()
    {
        { $$"""{"username":"app","password":"{{Pw}}","host":"h" """, "is not valid JSON (line 1" },
        { $$"""{"username":"app","password":{{Pw}}}""", "is not valid JSON" },
        { $$"""["app","{{Pw}}"]""", "must be a JSON object" },
        { $$"""{"username":"app","password":"{{Pw}}","host":"h","engine":"mysql"}""", "is for engine 'mysql'; Strata supports postgres and aurora-postgresql" },
        { $$"""{"password":"{{Pw}}","host":"h"}""", "has no 'username' field" },
        { $$"""{"username":"app","password":"{{Pw}}","host":"h","port":"fifty"}""", "field 'port' 'fifty' is not a port number" },
        { $$"""{"username":"app","password":"{{Pw}}","host":"h","port":true}""", "field 'port' must be a number or a string" },
        { $$"""{"username":7,"password":"{{Pw}}","host":"h"}""", "field \"username\" must be a string" },
        { $$"""{"username":"app","password":12345678,"host":"h"}""", "field \"password\" must be a string" },
    };

    [Theory]
    [MemberData(nameof(BadSecrets))]
    public async Task Rejects_a_bad_secret_without_repeating_the_password(string secret, string problem)
    {
        var error = await Should.ThrowAsync<ConfigurationException>(() => Resolve.EnvironmentAsync(("DB_SECRET", secret)));

        error.Message.ShouldStartWith("DB_SECRET: ");
        error.Message.ShouldContain(problem);
        MalformedInputTests.ShouldNotRevealThePassword(error);
    }
}
