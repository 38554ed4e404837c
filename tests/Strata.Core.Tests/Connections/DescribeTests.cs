using Strata.Core.Configuration;
using Strata.Core.Connections;
using Strata.Core.Secrets;

namespace Strata.Core.Tests.Connections;

public sealed class DescribeTests
{
    private const string Pw = Resolve.KnownPassword;

    [Fact]
    public async Task Describe_shows_every_setting_with_its_origin_and_masks_the_password()
    {
        var resolved = await Resolve.EnvironmentAsync(
            ("DATABASE_URL", $"postgres://app:{Pw}@db.example.com/appdb?sslmode=require&application_name=web"));

        var rows = resolved.Describe().ToDictionary(r => r.Name);

        rows["source"].Value.ShouldBe("DATABASE_URL environment variable");
        rows["source"].Origin.ShouldBe("no database URL given; no environment given or STRATA_ENV; STRATA_DATABASE_URL not set");
        rows["url"].Value.ShouldBe("postgres://app:********@db.example.com:5432/appdb?sslmode=require&application_name=web");
        (rows["host"].Value, rows["host"].Origin).ShouldBe(("db.example.com", "DATABASE_URL"));
        (rows["port"].Value, rows["port"].Origin).ShouldBe(("5432", "default"));
        (rows["user"].Value, rows["user"].Origin).ShouldBe(("app", "DATABASE_URL"));
        (rows["password"].Value, rows["password"].Origin).ShouldBe((SecretRedactor.Mask, "given in DATABASE_URL"));
        (rows["sslmode"].Value, rows["sslmode"].Origin).ShouldBe(("require", "DATABASE_URL"));
        rows["application_name"].Value.ShouldBe("web");
        (rows["protected"].Value, rows["allow_seed"].Value).ShouldBe(("false", "false"));
        rows["environment"].Value.ShouldBe("(none)");
        rows["config_file"].Value.ShouldBe("(none found)");
        ShouldNotContainThePassword(resolved);
    }

    [Fact]
    public async Task Describe_says_when_there_is_no_password()
    {
        var resolved = await Resolve.UrlAsync("postgres://app@h/db");

        var password = resolved.Describe().Single(r => r.Name == "password");

        password.Value.ShouldBe("(none)");
        password.Origin.ShouldStartWith("none given");
        resolved.Describe().Single(r => r.Name == "sslmode").ShouldBe(new ResolvedSetting("sslmode", "prefer", "default"));
    }

    [Fact]
    public async Task Describe_masks_passwords_from_files_secrets_and_ssl_keywords()
    {
        using var directory = new TempDirectory();
        directory.Write("pw", Pw + "\n");
        var fromFile = await Resolve.WithAsync(directory, configure: r => r with { DatabaseUrl = "postgres://app@h/db", PasswordFile = "pw" });
        var fromSecret = await Resolve.EnvironmentAsync(("DB_SECRET", $$"""{"username":"app","password":"{{Pw}}","host":"h"}"""));
        var fromKeywords = await Resolve.UrlAsync($"Host=h;Username=app;Password={Pw};SSL Password={Pw}x");

        foreach (var resolved in new[] { fromFile, fromSecret, fromKeywords })
        {
            resolved.Describe().Single(r => r.Name == "password").Value.ShouldBe(SecretRedactor.Mask);
            ShouldNotContainThePassword(resolved);
        }

        fromKeywords.Describe().Single(r => r.Name == "SSL Password").Value.ShouldBe(SecretRedactor.Mask);
    }

    [Fact]
    public async Task Describe_of_the_local_default_names_the_database_and_the_server()
    {
        var resolved = await Resolve.EnvironmentAsync();

        var rows = resolved.Describe().ToDictionary(r => r.Name);

        rows["source"].Value.ShouldBe("the local PostgreSQL server that Strata runs itself");
        (rows["database"].Value, rows["database"].Origin).ShouldBe(("strata_dev", "default"));
        rows["password"].Value.ShouldBe("(none)");
        (rows["allow_seed"].Value, rows["protected"].Value).ShouldBe(("true", "false"));
    }

    [Fact]
    public async Task Describe_of_a_config_environment_names_the_environment_and_where_flags_come_from()
    {
        using var directory = new TempDirectory();
        directory.Write("strata.json", """{ "environments": { "prod": { "database": "postgres://app@h/db", "protected": true, "migrationsDir": "m" } } }""");

        var resolved = await Resolve.WithAsync(directory, configure: r => r with { EnvironmentName = "prod" });
        var rows = resolved.Describe().ToDictionary(r => r.Name);

        (rows["environment"].Value, rows["environment"].Origin).ShouldBe(("prod", "--env"));
        (rows["protected"].Value, rows["protected"].Origin).ShouldBe(("true", "environment 'prod' in ./strata.json"));
        var settings = await new StrataSettingsBuilder(directory.Path, new Dictionary<string, string>()).Set(SettingCatalog.Environment, "prod", "--env").BuildAsync();
        var settingRows = settings.Describe().ToDictionary(r => r.Name);
        (settingRows["migrations_dir"].Value, settingRows["migrations_dir"].Origin).ShouldBe((directory.Combine("m"), "migrationsDir of environment 'prod' in ./strata.json"));
        rows["host"].Origin.ShouldBe("database of environment 'prod' in ./strata.json");
    }

    private static void ShouldNotContainThePassword(ResolvedConnection resolved)
    {
        foreach (var row in resolved.Describe())
        {
            row.Value.ShouldNotContain(Pw);
            row.Origin.ShouldNotContain(Pw);
        }

        resolved.ToString().ShouldNotContain(Pw);
        resolved.Settings.ToString().ShouldNotContain(Pw);
        resolved.Settings.ToDisplayUrl().ShouldNotContain(Pw);
    }
}
