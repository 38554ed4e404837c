using Strata.Core.Connections;
using Strata.Core.Errors;

namespace Strata.Core.Tests.Connections;

/// <summary>Each tier beats the one below it; each tier alone is found; blank values do not count, nor fall through to the local default.</summary>
public sealed class PrecedenceTests
{
    private const string ConfigWithEnvironments = """
        {
          "defaultEnvironment": "dev",
          "environments": {
            "dev": { "database": "postgres://dev@devhost/dev_db" },
            "staging": { "database": "postgres://staging@staginghost/staging_db" }
          }
        }
        """;

    private static readonly ConnectionSourceKind[] Order = Enum.GetValues<ConnectionSourceKind>();

    // The tiers travel by name: ConnectionSourceKind is internal, and a test method's parameters must be public.
    public static TheoryData<string, string> AdjacentPairs()
    {
        var data = new TheoryData<string, string>();
        for (var i = 0; i < Order.Length - 1; i++)
        {
            data.Add(Order[i].ToString(), Order[i + 1].ToString());
        }

        return data;
    }

    public static TheoryData<string> EveryTier() => new(Order.Select(tier => tier.ToString()));

    [Theory]
    [MemberData(nameof(AdjacentPairs))]
    public async Task A_tier_beats_the_tier_below_it(string higherName, string lowerName)
    {
        var higher = Enum.Parse<ConnectionSourceKind>(higherName);
        var lower = Enum.Parse<ConnectionSourceKind>(lowerName);
        var resolved = await ResolveWithAsync(higher, lower);

        resolved.Source.ShouldBe(higher);
    }

    [Theory]
    [MemberData(nameof(EveryTier))]
    public async Task Each_tier_is_used_when_it_is_the_only_one(string tierName)
    {
        var tier = Enum.Parse<ConnectionSourceKind>(tierName);
        var resolved = await ResolveWithAsync(tier);

        resolved.Source.ShouldBe(tier);
        resolved.IsLocalDefault.ShouldBe(tier == ConnectionSourceKind.LocalDefault);
    }

    [Fact]
    public async Task The_flag_wins_when_every_tier_is_present()
    {
        var resolved = await ResolveWithAsync(Order);

        resolved.Source.ShouldBe(ConnectionSourceKind.Flag);
        resolved.Settings.Database.ShouldBe("flag_db");
        resolved.Reason.ShouldBe("--database-url has the highest precedence");
    }

    [Fact]
    public async Task An_explicit_environment_beats_strata_database_url()
    {
        var resolved = await ResolveWithAsync(ConnectionSourceKind.ExplicitEnvironment, ConnectionSourceKind.StrataDatabaseUrl);

        resolved.EnvironmentName.ShouldBe("staging");
        resolved.Settings.Database.ShouldBe("staging_db");
        resolved.SourceDescription.ShouldBe("environment 'staging' from ./strata.json (chosen by --env)");
    }

    [Fact]
    public async Task Strata_env_selects_an_environment_like_the_env_flag()
    {
        using var directory = new TempDirectory();
        directory.Write("strata.json", ConfigWithEnvironments);

        var resolved = await Resolve.WithAsync(directory, new Dictionary<string, string>
        {
            ["STRATA_ENV"] = "staging",
            ["STRATA_DATABASE_URL"] = "postgres://strata@h/strata_db",
            ["DATABASE_URL"] = "postgres://plain@h/plain_db",
        });

        resolved.Source.ShouldBe(ConnectionSourceKind.ExplicitEnvironment);
        resolved.Settings.Database.ShouldBe("staging_db");
        resolved.SourceDescription.ShouldBe("environment 'staging' from ./strata.json (chosen by STRATA_ENV)");
    }

    [Fact]
    public async Task The_env_flag_beats_strata_env()
    {
        using var directory = new TempDirectory();
        directory.Write("strata.json", ConfigWithEnvironments);

        var resolved = await Resolve.WithAsync(
            directory, new Dictionary<string, string> { ["STRATA_ENV"] = "dev" }, r => r with { EnvironmentName = "staging" });

        resolved.EnvironmentName.ShouldBe("staging");
    }

    [Fact]
    public async Task Blank_variables_are_passed_over_for_a_lower_tier_that_is_set()
    {
        var resolved = await Resolve.EnvironmentAsync(
            ("STRATA_DATABASE_URL", "  "), ("DATABASE_URL", ""), ("DB_SECRET", " "), ("DB_HOST", ""), ("PGHOST", ""), ("STRATA_ENV", ""),
            ("PGDATABASE", "app"));

        resolved.Source.ShouldBe(ConnectionSourceKind.PgVariables);
    }

    [Fact]
    public async Task Blank_variables_alone_never_fall_through_to_the_local_default()
    {
        var error = await Should.ThrowAsync<ConfigurationException>(() => Resolve.EnvironmentAsync(("DATABASE_URL", ""), ("PGHOST", " ")));

        error.Message.ShouldBe("DATABASE_URL is set but empty: give it a value, or unset it to use the local PostgreSQL");
    }

    [Fact]
    public async Task The_reason_names_every_absent_tier_above_the_winner()
    {
        var resolved = await Resolve.EnvironmentAsync(("PGHOST", "pghost"));

        resolved.Reason.ShouldBe(
            "no database URL given; no environment given or STRATA_ENV; STRATA_DATABASE_URL not set; DATABASE_URL not set; DB_SECRET not set; DB_HOST not set");
    }

    [Fact]
    public async Task The_local_default_explains_that_nothing_was_given()
    {
        var resolved = await Resolve.EnvironmentAsync();

        resolved.Reason.ShouldEndWith("neither PGHOST nor PGDATABASE set; no strata.json found");
        resolved.Settings.Database.ShouldBe("strata_dev");
        resolved.Settings.Hosts.ShouldBeEmpty();
        resolved.AllowSeed.ShouldBeTrue();
    }

    private static async Task<ResolvedConnection> ResolveWithAsync(params ConnectionSourceKind[] tiers)
    {
        using var directory = new TempDirectory();
        var environment = new Dictionary<string, string>();
        var request = new ConnectionRequest { Environment = environment, WorkingDirectory = directory.Path };
        var withConfig = tiers.Contains(ConnectionSourceKind.ExplicitEnvironment) || tiers.Contains(ConnectionSourceKind.ConfigDefaultEnvironment);
        directory.Write("strata.json", withConfig ? ConfigWithEnvironments : """{ "environments": {} }""");
        foreach (var tier in tiers)
        {
            request = Add(tier, request, environment);
        }

        return await new ConnectionResolver().ResolveAsync(Resolve.AsTheCliNamesThem(request), CancellationToken.None);
    }

    private static ConnectionRequest Add(ConnectionSourceKind tier, ConnectionRequest request, Dictionary<string, string> environment)
    {
        switch (tier)
        {
            case ConnectionSourceKind.Flag:
                return request with { DatabaseUrl = "postgres://flag@h/flag_db" };
            case ConnectionSourceKind.ExplicitEnvironment:
                return request with { EnvironmentName = "staging" };
            case ConnectionSourceKind.StrataDatabaseUrl:
                environment["STRATA_DATABASE_URL"] = "postgres://strata@h/strata_db";
                break;
            case ConnectionSourceKind.DatabaseUrl:
                environment["DATABASE_URL"] = "postgres://plain@h/plain_db";
                break;
            case ConnectionSourceKind.DbSecret:
                environment["DB_SECRET"] = """{"username":"secret_user","password":"pw-secret","host":"rds","port":5432}""";
                break;
            case ConnectionSourceKind.DbVariables:
                environment["DB_HOST"] = "dbhost";
                environment["DB_USER"] = "db_user";
                break;
            case ConnectionSourceKind.PgVariables:
                environment["PGHOST"] = "pghost";
                break;
            case ConnectionSourceKind.ConfigDefaultEnvironment:
            case ConnectionSourceKind.LocalDefault:
                // Present through the config file, or always present.
                break;
        }

        return request;
    }
}
