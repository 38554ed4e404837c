using Strata.Core.Connections;
using Strata.Core.Errors;
using Strata.Core.Migrations;

namespace Strata.Core.Configuration;

/// <summary>
/// Builds <see cref="StrataSettings"/> once, from layers in one order: built-in defaults (<see cref="SettingCatalog"/>)
/// &lt; <c>strata.json</c> (the chosen environment over the top level) &lt; environment variables (the real ones over
/// those of <c>.env</c> or the env-file setting) &lt; explicit values (a flag, or code). Every value is validated here, and every bad one is named in the one error thrown.
/// </summary>
public sealed class StrataSettingsBuilder
{
    private readonly Dictionary<string, SettingLayers.Given> _explicit = new(StringComparer.Ordinal);
    private readonly List<string> _blank = [];
    private readonly string _workingDirectory;
    private readonly IReadOnlyDictionary<string, string> _variables;

    /// <summary>A builder over the given working directory and environment variables.</summary>
    /// <param name="workingDirectory">Where relative paths start and <c>strata.json</c> is looked for.</param>
    /// <param name="variables">The environment variables; see <see cref="ProcessEnvironment.Snapshot"/>.</param>
    public StrataSettingsBuilder(string workingDirectory, IReadOnlyDictionary<string, string> variables)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workingDirectory);
        ArgumentNullException.ThrowIfNull(variables);
        _workingDirectory = Path.GetFullPath(workingDirectory);
        _variables = variables;
    }

    /// <summary>A builder over the process's working directory (or <paramref name="workingDirectory"/>) and variables.</summary>
    public static StrataSettingsBuilder FromProcess(string? workingDirectory = null) =>
        new(workingDirectory ?? Directory.GetCurrentDirectory(), ProcessEnvironment.Snapshot());

    /// <summary>
    /// Gives <paramref name="setting"/> explicitly, as text parsed like any other layer's; null leaves it unset. Blank
    /// text is an error when the settings are built: a value given as empty is a mistake, never "use the default".
    /// </summary>
    /// <param name="setting">Which setting, from <see cref="SettingCatalog"/>.</param>
    /// <param name="text">The value as a user writes it (<c>5s</c>, <c>ops.history</c>, <c>true</c>).</param>
    /// <param name="origin">Where it came from, as <c>strata config</c> shows it (a flag's name, a configuration key).</param>
    public StrataSettingsBuilder Set(SettingDefinition setting, string? text, string origin)
    {
        ArgumentNullException.ThrowIfNull(setting);
        if (!string.IsNullOrWhiteSpace(text))
        {
            _explicit[setting.Name] = new SettingLayers.Given(text, null, SettingSource.Explicit, origin);
        }
        else if (text is not null)
        {
            _blank.Add($"{origin} is given but empty: give a value, or leave it out");
        }

        return this;
    }

    /// <summary>Gives <paramref name="setting"/> explicitly as a typed value (from code); it is validated like text.</summary>
    public StrataSettingsBuilder Set<T>(SettingDefinition setting, T value, string origin)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(setting);
        _explicit[setting.Name] = new SettingLayers.Given(null, value, SettingSource.Explicit, origin);
        return this;
    }

    /// <summary>
    /// Reads <c>strata.json</c> (if any), layers every setting and validates the result. Nothing is logged here: the
    /// session reports the file it uses when it resolves the database.
    /// </summary>
    /// <exception cref="ConfigurationException">The config file is invalid, or one or more values are; every bad value is named.</exception>
    public async Task<StrataSettings> BuildAsync(CancellationToken cancellationToken = default)
    {
        var variables = await DotEnvFile.OverlayAsync(
            _variables, EnvFileText(out var envFileOrigin), envFileOrigin, _workingDirectory, cancellationToken);
        var layers = new SettingLayers(_explicit, variables);
        var configPath = layers.Text(SettingCatalog.Config, variable: null);
        var probe = new ConnectionRequest { ConfigPath = configPath.Value, Environment = variables, WorkingDirectory = _workingDirectory };
        probe = probe with { ConfigPathOrigin = configPath.Value is null ? probe.ConfigPathOrigin : configPath.Origin };
        var config = await ConfigFileLoader.ReadAsync(probe, cancellationToken);
        var databaseUrl = layers.Text(SettingCatalog.DatabaseUrl, variable: null);
        var environmentName = layers.Text(SettingCatalog.Environment, variable: null);
        var (chosen, chosenBy) = SourceSelector.ChosenEnvironment(
            probe with
            {
                DatabaseUrl = databaseUrl.Value,
                EnvironmentName = environmentName.Value,
                EnvironmentNameOrigin = environmentName.Value is null ? probe.EnvironmentNameOrigin : environmentName.Origin,
            },
            config);
        var environment = chosen is not null && config is not null && config.Environments.TryGetValue(chosen, out var found) ? found : null;
        var chosenSetting = chosen is null
            ? new Setting<string?>(null, SettingSource.Default, "default")
            : new Setting<string?>(chosen, SourceOf(chosenBy!), chosenBy!);
        var settings = Assemble(layers, variables, config, environment, new ConnectionInputs(configPath, databaseUrl, chosenSetting)) with
        {
            GivenEnvironment = environmentName,
        };
        CheckEveryHistoryTable(layers, config);
        var problems = _blank.Concat(layers.Problems).ToList();
        if (problems.Count > 0)
        {
            throw new ConfigurationException(string.Join("; ", problems));
        }

        return settings;
    }

    /// <summary>
    /// The output settings alone, as far as they can be read when <see cref="BuildAsync"/> failed, so that its error
    /// is still written as they ask: the explicit values over the variables, those of the env file included when it
    /// could be read. strata.json holds none of them; a value that does not parse is left at its default.
    /// </summary>
    internal async Task<OutputSettings> BuildOutputAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyDictionary<string, string> variables;
        try
        {
            variables = await DotEnvFile.OverlayAsync(_variables, EnvFileText(out var envFileOrigin), envFileOrigin, _workingDirectory, cancellationToken);
        }
        catch (ConfigurationException)
        {
            variables = _variables;
        }

        return OutputSettings.From(new SettingLayers(_explicit, variables), variables);
    }

    private StrataSettings Assemble(SettingLayers layers, IReadOnlyDictionary<string, string> variables, ConfigFile? config, ConfigEnvironment? environment, ConnectionInputs connection)
    {
        var project = config?.Directory ?? _workingDirectory;
        var file = new ConfigLayer(config, environment);
        var output = OutputSettings.From(layers, variables);
        var migrations = layers.Path(
            SettingCatalog.MigrationsDirectory, _workingDirectory, project, file.Environment(e => e.MigrationsDirectory, "migrationsDir"), file.Top(c => c.MigrationsDirectory, "migrationsDir"));
        return new StrataSettings
        {
            WorkingDirectory = _workingDirectory,
            Variables = variables,
            ConfigFilePath = config?.Path,
            Config = config,
            DatabaseUrl = connection.DatabaseUrl,
            Environment = connection.Environment,
            ConfigPath = connection.ConfigPath,
            PasswordFile = layers.Text(SettingCatalog.PasswordFile, variable: null),
            PasswordCommand = layers.Text(SettingCatalog.PasswordCommand, variable: null),
            MigrationsDirectory = migrations,
            MigrationsDirectories = layers.Paths(SettingCatalog.MigrationsDirectory, migrations, _workingDirectory),
            SeedsDirectory = layers.Path(
                SettingCatalog.SeedsDirectory, _workingDirectory, project, file.Environment(e => e.SeedsDirectory, "seedsDir"), file.Top(c => c.SeedsDirectory, "seedsDir")),
            SchemaFile = layers.Path(SettingCatalog.SchemaFile, _workingDirectory, project, file.Top(c => c.SchemaFile, "schemaFile")),
            HistoryTable = layers.Typed(
                SettingCatalog.HistoryTable, SettingParsers.Table, HistoryTableName.Parse(SettingCatalog.HistoryTable.DefaultText!), null,
                file.Environment(e => e.HistoryTable, "historyTable"), file.Top(c => c.HistoryTable, "historyTable"))!,
            LockTimeout = layers.Typed(SettingCatalog.LockTimeout, SettingParsers.Duration, SettingParsers.DefaultDuration(SettingCatalog.LockTimeout)),
            StatementTimeout = layers.Typed(SettingCatalog.StatementTimeout, SettingParsers.Duration, SettingParsers.DefaultDuration(SettingCatalog.StatementTimeout)),
            LockRetries = layers.Typed(
                SettingCatalog.LockRetries, SettingParsers.Count, SettingParsers.DefaultCount(SettingCatalog.LockRetries), n => n < 1 ? "must be at least 1" : null),
            LockWait = layers.Typed(SettingCatalog.LockWait, text => SettingParsers.Duration(text, ZeroDuration.TryOnce), SettingParsers.DefaultDuration(SettingCatalog.LockWait)),
            CacheDirectory = CacheDirectory(layers, variables),
            AllowOutOfOrder = layers.Typed(SettingCatalog.AllowOutOfOrder, SettingParsers.Switch, false),
            AllowEdited = layers.Typed(SettingCatalog.AllowEdited, SettingParsers.Switch, false),
            Protected = layers.Typed(SettingCatalog.Protected, SettingParsers.Switch, false, null, file.Environment(e => e.Protected ? "true" : null, "protected")),
            WaitTimeout = layers.Typed(
                SettingCatalog.WaitTimeout, text => SettingParsers.Duration(text, ZeroDuration.Refused), SettingParsers.DefaultDuration(SettingCatalog.WaitTimeout),
                t => t > TimeSpan.Zero ? null : "the wait needs a positive timeout, such as 30s"),
            ScratchUrl = layers.Text(SettingCatalog.ScratchUrl, SettingCatalog.ScratchUrl.Variable),
            DriftIgnore = config is { DriftIgnore.Count: > 0 }
                ? new Setting<IReadOnlyList<string>>(config.DriftIgnore, SettingSource.ConfigFile, $"drift.ignore in {config.DisplayPath}")
                : new Setting<IReadOnlyList<string>>([], SettingSource.Default, "default"),
            AdoptionIgnoreSchemas = config is { AdoptionIgnoreSchemas.Count: > 0 }
                ? new Setting<IReadOnlyList<string>>(config.AdoptionIgnoreSchemas, SettingSource.ConfigFile, $"adoption.ignoreSchemas in {config.DisplayPath}")
                : new Setting<IReadOnlyList<string>>([], SettingSource.Default, "default"),
            LintFormat = output.Format,
            LintFailOn = layers.Text(SettingCatalog.LintFailOn, SettingCatalog.LintFailOn.Variable),
            PostgresVersion = layers.Text(SettingCatalog.PostgresVersion, SettingCatalog.PostgresVersion.Variable),
            LintDynamic = layers.Typed(SettingCatalog.LintDynamic, SettingParsers.Switch, false),
            LintOnUp = layers.Typed(SettingCatalog.LintOnUp, SettingParsers.LintOnUp, SettingCatalog.LintOnUp.DefaultText!, null, file.Top(c => c.Lint.OnUp, "lint.onUp")),
            LintLargeTableRows = layers.Typed(
                SettingCatalog.LintLargeTableRows, SettingParsers.Rows, SettingParsers.Rows(SettingCatalog.LintLargeTableRows.DefaultText!).Value, null,
                file.Top(c => c.Lint.LargeTableRows, "lint.largeTableRows")),
            LintRuleSeverities = config is { Lint.Rules.Count: > 0 }
                ? new Setting<IReadOnlyDictionary<string, string>>(
                    config.Lint.Rules.ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal), SettingSource.ConfigFile, $"lint.rules in {config.DisplayPath}")
                : new Setting<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>(StringComparer.Ordinal), SettingSource.Default, "default"),
            Json = output.Json,
            Quiet = output.Quiet,
            Verbose = output.Verbose,
            NoColor = output.NoColor,
        };
    }

    // The XDG base directory rule: $XDG_CACHE_HOME when it is an absolute path, else ~/.cache; with neither, none is kept.
    private Setting<string?> CacheDirectory(SettingLayers layers, IReadOnlyDictionary<string, string> variables)
    {
        var given = layers.Text(SettingCatalog.CacheDirectory, SettingCatalog.CacheDirectory.Variable);
        if (given.Value is { } text)
        {
            return text.Trim() is "" or "off" ? given with { Value = null } : given with { Value = Path.GetFullPath(text, _workingDirectory) };
        }

        var root = EnvironmentVariables.Get(variables, "XDG_CACHE_HOME") is { } xdg && Path.IsPathFullyQualified(xdg) ? xdg
            : EnvironmentVariables.Get(variables, "HOME") is { Length: > 0 } home && Path.IsPathFullyQualified(home) ? Path.Combine(home, ".cache")
            : null;
        return given with { Value = root is null ? null : Path.Combine(root, "strata") };
    }

    // The whole file is checked, not only the environment in use, so a mistake in it shows at once, wherever it is.
    private static void CheckEveryHistoryTable(SettingLayers layers, ConfigFile? config)
    {
        if (config is null)
        {
            return;
        }

        var tables = config.Environments.Values
            .Select(e => new ConfigLayer(config, e).Environment(v => v.HistoryTable, SettingCatalog.HistoryTable.ConfigKey!))
            .Prepend(new ConfigLayer(config, null).Top(c => c.HistoryTable, SettingCatalog.HistoryTable.ConfigKey!));
        foreach (var table in tables)
        {
            if (table?.Text is { } text && !HistoryTableName.TryParse(text, out _, out var problem))
            {
                layers.Report(table.Origin, text, problem);
            }
        }
    }

    private string? EnvFileText(out string origin)
    {
        var given = _explicit.GetValueOrDefault(SettingCatalog.EnvFile.Name);
        origin = given?.Origin ?? SettingCatalog.EnvFile.Name;
        return given?.Text ?? given?.Value?.ToString();
    }

    private SettingSource SourceOf(string chosenBy) =>
        _explicit.TryGetValue(SettingCatalog.Environment.Name, out var given) && given.Origin == chosenBy ? SettingSource.Explicit
        : chosenBy == SettingCatalog.Environment.Variable ? SettingSource.EnvironmentVariable
        : SettingSource.ConfigFile;

    /// <summary>What the connection resolver is given as is: the resolver applies its own precedence to them.</summary>
    private sealed record ConnectionInputs(Setting<string?> ConfigPath, Setting<string?> DatabaseUrl, Setting<string?> Environment);

    /// <summary>The values of strata.json: the chosen environment's, then the top level's, each with where it was.</summary>
    private sealed class ConfigLayer(ConfigFile? config, ConfigEnvironment? environment)
    {
        public SettingLayers.FromFile? Environment(Func<ConfigEnvironment, string?> read, string key) =>
            environment is null || config is null
                ? null
                : new SettingLayers.FromFile(read(environment), $"{key} of environment '{environment.Name}' in {config.DisplayPath}");

        public SettingLayers.FromFile? Top(Func<ConfigFile, string?> read, string key) =>
            config is null ? null : new SettingLayers.FromFile(read(config), $"{key} in {config.DisplayPath}");
    }
}
