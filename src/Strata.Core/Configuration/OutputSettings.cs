using Strata.Core.Connections;

namespace Strata.Core.Configuration;

/// <summary>The settings that say how a run writes its output, each with where its value came from.</summary>
internal sealed record OutputSettings(Setting<bool> Json, Setting<string?> Format, Setting<bool> Quiet, Setting<bool> Verbose, Setting<bool> NoColor)
{
    // None of them is read from strata.json, so the flags and the variables are all they need.
    public static OutputSettings From(SettingLayers layers, IReadOnlyDictionary<string, string> variables) => new(
        layers.Typed(SettingCatalog.Json, SettingParsers.Switch, false),
        layers.Text(SettingCatalog.LintFormat, SettingCatalog.LintFormat.Variable),
        layers.Typed(SettingCatalog.Quiet, SettingParsers.Switch, false),
        layers.Typed(SettingCatalog.Verbose, SettingParsers.Switch, false),
        NoColorOf(layers, variables));

    // NO_COLOR (no-color.org) turns colour off whatever its value; STRATA_NO_COLOR is read like the other switches.
    private static Setting<bool> NoColorOf(SettingLayers layers, IReadOnlyDictionary<string, string> variables)
    {
        var given = layers.Find(SettingCatalog.NoColor, "STRATA_NO_COLOR");
        if (given is null && EnvironmentVariables.Get(variables, "NO_COLOR") is not null)
        {
            return new Setting<bool>(true, SettingSource.EnvironmentVariable, "NO_COLOR");
        }

        return layers.Typed(given, SettingCatalog.NoColor, SettingParsers.Switch, false);
    }
}
