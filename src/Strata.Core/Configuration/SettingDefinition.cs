namespace Strata.Core.Configuration;

/// <summary>
/// What a setting is called in each place it can be given, its built-in default and what it means in one line.
/// Front doors derive their option names and help from this, so a default is written down once.
/// </summary>
/// <param name="Name">The stable kebab-case name; also the command-line option's name without its dashes.</param>
/// <param name="Variables">The environment variables that give it, in precedence order (empty when none).</param>
/// <param name="ConfigKey">The key in <c>strata.json</c> (top level and per environment), or null when the file has none.</param>
/// <param name="DefaultText">The default as a user would write it, or null when there is none.</param>
/// <param name="Description">What the setting does, in one sentence.</param>
public sealed record SettingDefinition(
    string Name,
    IReadOnlyList<string> Variables,
    string? ConfigKey,
    string? DefaultText,
    string Description)
{
    /// <summary>The first variable, which the settings builder reads; null when the setting has none.</summary>
    public string? Variable => Variables.Count > 0 ? Variables[0] : null;
}
