namespace Strata.Core.Connections;

/// <summary>Assembles the <see cref="ResolvedConnection"/>: defaults, password rules and the environment's protection.</summary>
internal static class ResolvedConnectionFactory
{
    public static ResolvedConnection Create(
        ConfigFile? config, SelectedSource source, PasswordOverride? passwordOverride)
    {
        var environment = source.Environment;
        var origins = new Dictionary<string, string>(StringComparer.Ordinal);
        var settings = BuildSettings(source, passwordOverride, origins);
        var (passwordKind, passwordDescription) = DescribePassword(source, settings, passwordOverride);
        var environmentOrigin = environment is null || config is null ? null : $"environment '{environment.Name}' in {config.DisplayPath}";

        return new ResolvedConnection
        {
            Source = source.Kind,
            SourceDescription = source.Description,
            Reason = source.Reason,
            EnvironmentName = environment?.Name,
            EnvironmentChosenBy = source.EnvironmentChosenBy,
            ConfigFilePath = config?.Path,
            ConfigFileFoundBy = config?.FoundBy,
            IsProtected = environment?.Protected ?? false,
            AllowSeed = environment?.AllowSeed ?? source.Draft is null,
            IsLocalDefault = source.Draft is null,
            Settings = settings,
            PasswordSource = passwordKind,
            PasswordSourceDescription = passwordDescription,
            PasswordCommand = passwordOverride?.Command,
            PasswordFile = passwordOverride?.File,
            Origins = WithFlagOrigins(origins, environmentOrigin),
        };
    }

    private static ConnectionSettings BuildSettings(SelectedSource source, PasswordOverride? passwordOverride, Dictionary<string, string> origins)
    {
        if (source.Draft is null)
        {
            origins[SettingNames.Database] = source.LocalDatabase == SourceSelector.DefaultLocalDatabase
                ? "default" : source.Environment is null ? "localDatabase in the config file" : source.SourceName;
            return new ConnectionSettings { Hosts = [], Database = source.LocalDatabase! };
        }

        var settings = source.Draft.Build(source.SourceName);
        foreach (var (name, origin) in source.Draft.Origins)
        {
            origins[name] = origin;
        }

        return passwordOverride switch
        {
            { Kind: PasswordSource.File } => settings with { Password = passwordOverride.FilePassword },
            { Kind: PasswordSource.Command } => settings with { Password = null },
            _ => settings,
        };
    }

    private static (PasswordSource Kind, string Description) DescribePassword(
        SelectedSource source, ConnectionSettings settings, PasswordOverride? passwordOverride)
    {
        // The variable or source that holds the password: DB_PASSWORD, not DB_HOST that chose the tier.
        var where = source.Draft?.Origins.TryGetValue(SettingNames.Password, out var origin) == true ? origin : source.SourceName;
        if (passwordOverride is not null)
        {
            var overridden = source.Draft?.HasPassword == true ? $"; overrides the password in {where}" : string.Empty;
            return (passwordOverride.Kind, passwordOverride.Description + overridden);
        }

        if (source.Draft is null)
        {
            return (PasswordSource.None, "none needed (the local server trusts local connections)");
        }

        if (!settings.HasPassword)
        {
            return (PasswordSource.None, "none given (PostgreSQL's client falls back to PGPASSWORD of the process and ~/.pgpass)");
        }

        return (source.OwnPassword, $"given in {where}");
    }

    private static Dictionary<string, string> WithFlagOrigins(Dictionary<string, string> origins, string? environmentOrigin)
    {
        if (environmentOrigin is not null)
        {
            origins["protected"] = environmentOrigin;
            origins["allow_seed"] = environmentOrigin;
        }
        else
        {
            origins["protected"] = "default (only config environments are protected)";
            origins["allow_seed"] = "default";
        }

        return origins;
    }
}
