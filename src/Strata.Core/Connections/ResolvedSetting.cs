namespace Strata.Core.Connections;

/// <summary>One row of <c>strata config</c>: a setting, its value (passwords always masked) and where it came from.</summary>
/// <param name="Name">A stable snake_case name such as <c>host</c>, <c>sslmode</c> or <c>migrations_dir</c>.</param>
/// <param name="Value">The value as it will be used; a password is shown as <c>********</c> or <c>(none)</c>.</param>
/// <param name="Origin">Where the value came from, such as <c>DATABASE_URL</c>, <c>default</c> or a config file path.</param>
public sealed record ResolvedSetting(string Name, string Value, string Origin);
