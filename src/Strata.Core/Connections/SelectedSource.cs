namespace Strata.Core.Connections;

/// <summary>The precedence tier that won, before password overrides and defaults are applied.</summary>
internal sealed record SelectedSource
{
    public required ConnectionSourceKind Kind { get; init; }

    /// <summary>For <see cref="ResolvedConnection.SourceDescription"/>.</summary>
    public required string Description { get; init; }

    public required string Reason { get; init; }

    /// <summary>The short name used in errors and origins, such as <c>DATABASE_URL</c>.</summary>
    public required string SourceName { get; init; }

    /// <summary>The settings read from the source; null when the database is on the local server.</summary>
    public SettingsDraft? Draft { get; init; }

    /// <summary>The local server's database name, when <see cref="Draft"/> is null.</summary>
    public string? LocalDatabase { get; init; }

    /// <summary>What kind of password the source carries when it has one.</summary>
    public PasswordSource OwnPassword { get; init; } = PasswordSource.Url;

    public ConfigEnvironment? Environment { get; init; }

    public string? EnvironmentChosenBy { get; init; }
}
