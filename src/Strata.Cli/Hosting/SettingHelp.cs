using Strata.Core.Configuration;

namespace Strata.Cli.Hosting;

/// <summary>An option's help text, from the setting's own description, variables and default in the catalog.</summary>
internal static class SettingHelp
{
    public static string For(SettingDefinition setting, string? description = null)
    {
        var text = description ?? setting.Description;
        if (setting.Variables.Count > 0)
        {
            text += $" [env: {string.Join(", ", setting.Variables)}]";
        }

        return setting.DefaultText is { } fallback ? text + $" [default: {fallback}]" : text;
    }
}
