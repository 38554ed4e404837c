using Strata.Core.Errors;

namespace Strata.Core.Connections;

/// <summary>Turns a config environment, chosen by name, into the selected source.</summary>
internal static class ConfigEnvironmentSource
{
    public static SelectedSource Select(
        ConnectionSourceKind kind, ConfigFile? config, string name, string chosenBy, ConnectionRequest request, string reason)
    {
        if (config is null)
        {
            throw new ConfigurationException(
                $"Environment '{name}' was chosen by {chosenBy}, but there is no {ConfigFileLoader.FileName} in {request.WorkingDirectory}; name the config file to use.")
            {
                NextSteps = [new NextStep(NextStepKind.ShowSettings)],
            };
        }

        if (!config.Environments.TryGetValue(name, out var environment))
        {
            throw new ConfigurationException(
                $"Unknown environment '{SettingValues.Shorten(name)}' (chosen by {chosenBy}); {config.DisplayPath} defines: {config.KnownEnvironmentNames}."
                + (ClosestName.Find(name, config.Environments.Keys) is { } meant ? $" Did you mean '{meant}'?" : ""));
        }

        var description = $"environment '{name}' from {config.DisplayPath} (chosen by {chosenBy})";
        var source = new SelectedSource
        {
            Kind = kind,
            Description = description,
            Reason = reason,
            SourceName = ConfigEnvironmentParser.Describe(environment, config.DisplayPath),
            Environment = environment,
            EnvironmentChosenBy = chosenBy,
        };
        var database = environment.Database;
        if (database.IsLocal)
        {
            return source with
            {
                Description = description + ", on the local server",
                LocalDatabase = database.LocalName ?? config.LocalDatabase ?? SourceSelector.DefaultLocalDatabase,
            };
        }

        if (database.FromEnvironment is { } variable)
        {
            var url = EnvironmentVariables.Get(request.Environment, variable) ?? throw new ConfigurationException(
                $"Environment '{name}' in {config.DisplayPath} takes its database from the variable {variable}, which is not set.");
            return source with
            {
                Description = description + $", database from {variable}",
                SourceName = variable,
                Draft = DatabaseString.Parse(url, variable),
            };
        }

        return source with { Draft = DatabaseString.Parse(database.Literal!, source.SourceName), OwnPassword = PasswordSource.ConfigFile };
    }
}
