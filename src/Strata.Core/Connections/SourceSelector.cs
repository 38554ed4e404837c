using Microsoft.Extensions.Logging;
using Strata.Core.Errors;
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

    /// <summary>The variables that name a database (or how to reach one); set but empty, they still show the user meant one.</summary>
    private static readonly string[] DatabaseVariables =
        ["STRATA_DATABASE_URL", "DATABASE_URL", StrataEnvVariable, DbSecret.Variable, DbVariables.Host, "PGHOST", "PGDATABASE"];

    public static SelectedSource Select(ConnectionRequest request, ConfigFile? config, ILogger logger)
    {
        // Both name a database; the URL wins by precedence, and a run that also named an environment hears so.
        if (!string.IsNullOrWhiteSpace(request.DatabaseUrl) && ExplicitEnvironment(request) is ({ } environment, { } chosenBy))
        {
            LogMessages.EnvironmentOverriddenByUrl(logger, request.DatabaseUrlOrigin, environment, chosenBy);
        }

        var absent = new List<string>();
        foreach (var (tryTier, absentPhrase) in Tiers(request, config, logger))
        {
            var reason = absent.Count == 0 ? $"{request.DatabaseUrlOrigin} has the highest precedence" : string.Join("; ", absent);
            if (tryTier(reason) is { } source)
            {
                return source;
            }

            absent.Add(absentPhrase);
        }

        RefuseLocalDefaultWhenADatabaseWasMeant(request);
        return new SelectedSource
        {
            Kind = ConnectionSourceKind.LocalDefault,
            Description = "the local PostgreSQL server that Strata runs itself",
            Reason = string.Join("; ", absent),
            SourceName = "local server",
            LocalDatabase = config?.LocalDatabase ?? DefaultLocalDatabase,
        };
    }

    /// <summary>
    /// The config environment that would supply the database, and what chose it, judged by which sources are present
    /// without parsing any of them: settings read per environment (history table, directories, protection) follow the
    /// same environment the connection will, even for commands that never connect.
    /// </summary>
    public static (string? Name, string? ChosenBy) ChosenEnvironment(ConnectionRequest request, ConfigFile? config)
    {
        if (!string.IsNullOrWhiteSpace(request.DatabaseUrl))
        {
            return (null, null);
        }

        if (ExplicitEnvironment(request) is ({ } name, { } chosenBy))
        {
            return (name, chosenBy);
        }

        var env = request.Environment;
        var variableWins = EnvironmentVariables.Get(env, "STRATA_DATABASE_URL") is not null
            || EnvironmentVariables.Get(env, "DATABASE_URL") is not null
            || EnvironmentVariables.Get(env, DbSecret.Variable) is not null
            || DbVariables.Applies(env)
            || PgVariables.Applies(env);
        return variableWins || config?.DefaultEnvironment is not { } fallback
            ? (null, null)
            : (fallback, $"defaultEnvironment in {config.DisplayPath}");
    }

    /// <summary>The tiers above the local default, highest first: each tries to apply, given the reason it would win.</summary>
    private static IEnumerable<(Func<string, SelectedSource?> TryTier, string Absent)> Tiers(
        ConnectionRequest request, ConfigFile? config, ILogger logger)
    {
        var env = request.Environment;
        yield return (
            reason => string.IsNullOrWhiteSpace(request.DatabaseUrl)
                ? null
                : FromString(ConnectionSourceKind.Flag, request.DatabaseUrl, request.DatabaseUrlOrigin, request.DatabaseUrlOrigin, reason),
            "no database URL given");
        yield return (
            reason => ExplicitEnvironment(request) is ({ } name, { } chosenBy)
                ? ConfigEnvironmentSource.Select(ConnectionSourceKind.ExplicitEnvironment, config, name, chosenBy, request, reason)
                : null,
            "no environment given or STRATA_ENV");
        yield return (reason => FromVariable(ConnectionSourceKind.StrataDatabaseUrl, "STRATA_DATABASE_URL", env, reason), "STRATA_DATABASE_URL not set");
        yield return (reason => FromVariable(ConnectionSourceKind.DatabaseUrl, "DATABASE_URL", env, reason), "DATABASE_URL not set");
        yield return (
            reason => EnvironmentVariables.Get(env, DbSecret.Variable) is { } secret ? FromSecret(secret, env, reason, logger) : null,
            "DB_SECRET not set");
        yield return (
            reason => DbVariables.Applies(env)
                ? FromVariables(ConnectionSourceKind.DbVariables, DbVariables.Read(env), "DB_* variables", EnvironmentVariables.Origin(env, DbVariables.Host), reason)
                : null,
            "DB_HOST not set");
        yield return (
            reason => PgVariables.Applies(env)
                ? FromVariables(ConnectionSourceKind.PgVariables, PgVariables.Read(env), "PG* variables", "PGHOST/PGDATABASE", reason)
                : null,
            "neither PGHOST nor PGDATABASE set");
        yield return (
            reason => config?.DefaultEnvironment is { } name
                ? ConfigEnvironmentSource.Select(
                    ConnectionSourceKind.ConfigDefaultEnvironment, config, name, $"defaultEnvironment in {config.DisplayPath}", request, reason)
                : null,
            config is null ? $"no {ConfigFileLoader.FileName} found" : $"{config.DisplayPath} has no defaultEnvironment");
    }

    /// <summary>
    /// The local default is for when nothing names a database. A database named in a form that turned out empty, or a
    /// password given for no database, means the user meant another server: using the local one instead would
    /// migrate the wrong database and report success.
    /// </summary>
    private static void RefuseLocalDefaultWhenADatabaseWasMeant(ConnectionRequest request)
    {
        if (request.DatabaseUrl is not null)
        {
            throw new ConfigurationException($"{request.DatabaseUrlOrigin} is given but empty: give a database URL, or leave it out");
        }

        if (DatabaseVariables.FirstOrDefault(name => request.Environment.ContainsKey(name)) is { } empty)
        {
            throw new ConfigurationException($"{empty} is set but empty: give it a value, or unset it to use the local PostgreSQL");
        }

        if (PasswordOverrides.GivenOrigin(request) is { } origin)
        {
            throw new ConfigurationException($"{origin} gives a password, but nothing names the database it is for: name the database too");
        }
    }

    private static (string? Name, string? ChosenBy) ExplicitEnvironment(ConnectionRequest request)
    {
        if (!string.IsNullOrWhiteSpace(request.EnvironmentName))
        {
            return (request.EnvironmentName.Trim(), request.EnvironmentNameOrigin);
        }

        return EnvironmentVariables.Get(request.Environment, StrataEnvVariable) is { } name
            ? (name.Trim(), StrataEnvVariable)
            : (null, null);
    }

    private static SelectedSource? FromVariable(
        ConnectionSourceKind kind, string variable, IReadOnlyDictionary<string, string> env, string reason) =>
        EnvironmentVariables.Get(env, variable) is { } url
            ? FromString(kind, url, EnvironmentVariables.Origin(env, variable), EnvironmentVariables.Origin(env, variable, " environment variable"), reason)
            : null;

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
            Description = EnvironmentVariables.Origin(env, DbSecret.Variable, " environment variable") + (merged.Count > 0 ? $" (with {string.Join(", ", merged)})" : string.Empty),
            Reason = reason,
            SourceName = EnvironmentVariables.Origin(env, DbSecret.Variable),
            Draft = DbSecret.Parse(json, env),
            OwnPassword = PasswordSource.SecretJson,
        };
    }

    private static SelectedSource FromVariables(
        ConnectionSourceKind kind, SettingsDraft draft, string description, string sourceName, string reason) =>
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
