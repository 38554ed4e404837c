namespace Strata.Core.Connections;

/// <summary>
/// What a caller knows about the database it should use: the values it was given explicitly (all optional), each
/// with the name the caller gave it by (a flag, a configuration key), and the process environment. <see cref="ConnectionResolver"/> turns it into a <see cref="ResolvedConnection"/>.
/// </summary>
internal sealed record ConnectionRequest
{
    /// <summary>An explicit database: a postgres:// URL or a keyword connection string.</summary>
    public string? DatabaseUrl { get; init; }

    /// <summary>An explicit environment: the name of an environment in the config file.</summary>
    public string? EnvironmentName { get; init; }

    /// <summary>An explicit config file: the path of the config file, relative to <see cref="WorkingDirectory"/>.</summary>
    public string? ConfigPath { get; init; }

    /// <summary>An explicit password file: a file whose content is the password.</summary>
    public string? PasswordFile { get; init; }

    /// <summary>An explicit password command: a shell command that prints the password.</summary>
    public string? PasswordCommand { get; init; }

    /// <summary>What <see cref="DatabaseUrl"/> was given by, as messages name it (such as a flag or a configuration key).</summary>
    public string DatabaseUrlOrigin { get; init; } = "the explicit database URL";

    /// <summary>What <see cref="EnvironmentName"/> was given by, as messages name it.</summary>
    public string EnvironmentNameOrigin { get; init; } = "the explicit environment name";

    /// <summary>What <see cref="ConfigPath"/> was given by, as messages name it.</summary>
    public string ConfigPathOrigin { get; init; } = "the explicit config path";

    /// <summary>What <see cref="PasswordFile"/> was given by, as messages name it.</summary>
    public string PasswordFileOrigin { get; init; } = "the explicit password file";

    /// <summary>What <see cref="PasswordCommand"/> was given by, as messages name it.</summary>
    public string PasswordCommandOrigin { get; init; } = "the explicit password command";

    /// <summary>
    /// The process environment variables. The resolver reads variables only from here, never from the process
    /// itself, so that callers (and tests) decide what it sees.
    /// </summary>
    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    /// <summary>The directory the command runs in: where the config file is looked for and relative paths start.</summary>
    public required string WorkingDirectory { get; init; }
}
