namespace Strata.Core.Configuration;

/// <summary>The layer a setting's value came from, lowest precedence first.</summary>
public enum SettingSource
{
    /// <summary>The built-in default (<see cref="SettingCatalog"/>).</summary>
    Default,

    /// <summary><c>strata.json</c>: its top level, or the chosen environment, which beats the top level.</summary>
    ConfigFile,

    /// <summary>An environment variable such as <c>STRATA_LOCK_WAIT</c>.</summary>
    EnvironmentVariable,

    /// <summary>A value given explicitly: a command-line flag, or code.</summary>
    Explicit,
}
