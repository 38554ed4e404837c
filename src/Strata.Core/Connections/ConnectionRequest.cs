namespace Strata.Core.Connections;

/// <summary>
/// What a caller knows about the database it should use: the command-line flags it was given (all optional) and
/// the process environment. <see cref="ConnectionResolver"/> turns it into a <see cref="ResolvedConnection"/>.
/// </summary>
internal sealed record ConnectionRequest
{
    /// <summary>The <c>--database-url</c> flag: a postgres:// URL or a keyword connection string.</summary>
    public string? DatabaseUrl { get; init; }

    /// <summary>The <c>--env</c> flag: the name of an environment in the config file.</summary>
    public string? EnvironmentName { get; init; }

    /// <summary>The <c>--config</c> flag: the path of the config file, relative to <see cref="WorkingDirectory"/>.</summary>
    public string? ConfigPath { get; init; }

    /// <summary>The <c>--password-file</c> flag: a file whose content is the password.</summary>
    public string? PasswordFile { get; init; }

    /// <summary>The <c>--password-command</c> flag: a shell command that prints the password.</summary>
    public string? PasswordCommand { get; init; }

    /// <summary>
    /// The process environment variables. The resolver reads variables only from here, never from the process
    /// itself, so that callers (and tests) decide what it sees.
    /// </summary>
    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    /// <summary>The directory the command runs in: where the config file is looked for and relative paths start.</summary>
    public required string WorkingDirectory { get; init; }
}
