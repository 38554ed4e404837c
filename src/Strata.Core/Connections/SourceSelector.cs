using Microsoft.Extensions.Logging;
using Strata.Core.Logging;

namespace Strata.Core.Connections;

/// <summary>
/// Walks the precedence tiers from highest to lowest and returns the first that is present. Each absent tier adds
/// a phrase to the reason, so the winner can say why it won.
/// </summary>
internal static class SourceSelector
{
    public const string StrataEnvVariable = "STRATA_ENV";
    public const string DefaultLocalDatabase = "strata_dev";

    public static SelectedSource Select(ConnectionRequest request, ConfigFile? config, ILogger logger)
    {
        var absent = new List<string>();
        string Reason() => absent.Count == 0 ? "--database-url has the highest precedence" : string.Join("; ", absent);
        var env = request.Environment;

        if (!string.IsNullOrWhiteSpace(request.DatabaseUrl))
        {
            return FromString(ConnectionSourceKind.Flag, request.DatabaseUrl, "--database-url", "--database-url flag", Reason());
        }

        absent.Add("no --database-url flag");
        var (environmentName, chosenBy) = ExplicitEnvironment(request);
        if (environmentName is not null)
        {
            return ConfigEnvironmentSource.Select(
                ConnectionSourceKind.ExplicitEnvironment, config, environmentName, chosenBy!, request, Reason());
        }

        absent.Add("no --env flag or STRATA_ENV");
        foreach (var (kind, variable) in new[] { (ConnectionSourceKind.StrataDatabaseUrl, "STRATA_DATABASE_URL"), (ConnectionSourceKind.DatabaseUrl, "DATABASE_URL") })
        {
            if (EnvironmentVariables.Get(env, variable) is { } url)
            {
                return FromString(kind, url, variable, $"{variable} environment variable", Reason());
            }

            absent.Add($"{variable} not set");
        }

        if (EnvironmentVariables.Get(env, DbSecret.Variable) is { } secret)
        {
            return FromSecret(secret, env, Reason(), logger);
        }

        absent.Add("DB_SECRET not set");
        if (DbVariables.Applies(env))
        {
            return FromVariables(ConnectionSourceKind.DbVariables, DbVariables.Read(env), "DB_* variables", "DB_HOST", Reason(), "DB_PASSWORD");
        }

        absent.Add("DB_HOST not set");
        if (PgVariables.Applies(env))
        {
            return FromVariables(ConnectionSourceKind.PgVariables, PgVariables.Read(env), "PG* variables", "PGHOST/PGDATABASE", Reason(), "PGPASSWORD");
        }

        absent.Add("neither PGHOST nor PGDATABASE set");
        if (config?.DefaultEnvironment is { } defaultEnvironment)
        {
            return ConfigEnvironmentSource.Select(
                ConnectionSourceKind.ConfigDefaultEnvironment, config, defaultEnvironment, $"defaultEnvironment in {config.DisplayPath}", request, Reason());
        }

        absent.Add(config is null ? $"no {ConfigFileLoader.FileName} found" : $"{config.DisplayPath} has no defaultEnvironment");
        return new SelectedSource
        {
            Kind = ConnectionSourceKind.LocalDefault,
            Description = "the local PostgreSQL server that Strata runs itself",
            Reason = Reason(),
            SourceName = "local server",
            LocalDatabase = config?.LocalDatabase ?? DefaultLocalDatabase,
        };
    }

    private static (string? Name, string? ChosenBy) ExplicitEnvironment(ConnectionRequest request)
    {
        if (!string.IsNullOrWhiteSpace(request.EnvironmentName))
        {
            return (request.EnvironmentName.Trim(), "--env");
        }

        return EnvironmentVariables.Get(request.Environment, StrataEnvVariable) is { } name
            ? (name.Trim(), StrataEnvVariable)
            : (null, null);
    }

    private static SelectedSource FromString(ConnectionSourceKind kind, string text, string sourceName, string description, string reason) =>
        new()
        {
            Kind = kind,
            Description = description,
            Reason = reason,
            SourceName = sourceName,
            Draft = DatabaseString.Parse(text, sourceName),
        };

    private static SelectedSource FromSecret(string json, IReadOnlyDictionary<string, string> env, string reason, ILogger logger)
    {
        if (EnvironmentVariables.Get(env, DbVariables.User) is not null || EnvironmentVariables.Get(env, DbVariables.Password) is not null)
        {
            LogMessages.DbCredentialVariablesIgnored(logger);
        }

        var merged = new[] { DbVariables.Host, DbVariables.Port, DbVariables.Name }
            .Where(v => EnvironmentVariables.Get(env, v) is not null)
            .ToList();
        return new SelectedSource
        {
            Kind = ConnectionSourceKind.DbSecret,
            Description = "DB_SECRET environment variable" + (merged.Count > 0 ? $" (with {string.Join(", ", merged)})" : string.Empty),
            Reason = reason,
            SourceName = DbSecret.Variable,
            Draft = DbSecret.Parse(json, env),
            OwnPassword = PasswordSource.SecretJson,
        };
    }

    private static SelectedSource FromVariables(
        ConnectionSourceKind kind, SettingsDraft draft, string description, string sourceName, string reason, string passwordVariable) =>
        new()
        {
            Kind = kind,
            Description = $"{description} ({string.Join(", ", draft.Origins.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))})",
            Reason = reason,
            SourceName = sourceName,
            Draft = draft,
            OwnPassword = draft.HasPassword ? PasswordSource.Variable : PasswordSource.None,
        };
}
