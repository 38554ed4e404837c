using Microsoft.Extensions.Logging;
using Strata.Core.Errors;
using Strata.Core.Logging;
using Strata.Core.Secrets;

namespace Strata.Core.Connections;

/// <summary>
/// Finds the password file or command that overrides the source's own password. The first level that gives one
/// wins: the flags, then the variables <c>STRATA_PASSWORD_FILE</c> (or <c>DB_PASSWORD_FILE</c>)/<c>STRATA_PASSWORD_COMMAND</c>, then the chosen
/// config environment's <c>passwordFile</c>/<c>passwordCommand</c>. A file and a command on the same level is an error.
/// </summary>
internal static class PasswordOverrides
{
    public const string FileVariable = "STRATA_PASSWORD_FILE";
    public const string FileVariableAlias = "DB_PASSWORD_FILE";
    public const string CommandVariable = "STRATA_PASSWORD_COMMAND";

    public static async Task<PasswordOverride?> ResolveAsync(
        ConnectionRequest request, ConfigEnvironment? environment, ConfigFile? config, ILogger logger, CancellationToken cancellationToken)
    {
        foreach (var level in Levels(request, environment, config))
        {
            if (level.File is null && level.Command is null)
            {
                continue;
            }

            if (level.File is not null && level.Command is not null)
            {
                throw new ConfigurationException(
                    $"Both {level.FileOrigin} and {level.CommandOrigin} are set; give a password file or a password command, not both.");
            }

            if (level.Command is not null)
            {
                var command = new PasswordCommand(level.Command, level.Directory, level.CommandOrigin, logger);
                return new PasswordOverride(PasswordSource.Command, $"command from {level.CommandOrigin}, run for each new connection", null, command);
            }

            var path = Path.GetFullPath(Path.Combine(level.Directory, level.File!));
            var password = await ReadPasswordFileAsync(path, level.FileOrigin, cancellationToken);
            LogMessages.PasswordFileRead(logger, level.FileOrigin);
            return new PasswordOverride(
                PasswordSource.File, $"file {path} (from {level.FileOrigin})", password, null, new PasswordFile(path, level.FileOrigin));
        }

        return null;
    }

    /// <summary>The file's content without its trailing line break, as Docker and Kubernetes secrets are written.</summary>
    public static async Task<string> ReadPasswordFileAsync(string path, string origin, CancellationToken cancellationToken)
    {
        string content;
        try
        {
            content = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (FileNotFoundException)
        {
            throw new ConfigurationException($"The password file {path} (from {origin}) does not exist.");
        }
        catch (DirectoryNotFoundException)
        {
            throw new ConfigurationException($"The password file {path} (from {origin}) does not exist.");
        }
        catch (Exception ex) when (FileErrorText.IsFileError(ex))
        {
            throw new ConfigurationException($"The password file {path} (from {origin}) could not be read: {FileErrorText.Describe(ex, path)}.");
        }

        var password = content.TrimEnd('\n', '\r');
        if (password.Length == 0)
        {
            throw new ConfigurationException($"The password file {path} (from {origin}) is empty.");
        }

        SecretRedactor.Register(password);
        return password;
    }

    /// <summary>Where a flag or variable gives a password file or command (the highest that does), or null when none does.</summary>
    public static string? GivenOrigin(ConnectionRequest request) =>
        Levels(request, null, null)
            .Select(level => level.File is not null ? level.FileOrigin : level.Command is not null ? level.CommandOrigin : null)
            .FirstOrDefault(origin => origin is not null);

    private static IEnumerable<Level> Levels(ConnectionRequest request, ConfigEnvironment? environment, ConfigFile? config)
    {
        yield return new Level(
            Blank(request.PasswordFile), Blank(request.PasswordCommand), request.PasswordFileOrigin, request.PasswordCommandOrigin, request.WorkingDirectory);
        var fileVariable = EnvironmentVariables.Get(request.Environment, FileVariable) is null ? FileVariableAlias : FileVariable;
        yield return new Level(
            EnvironmentVariables.Get(request.Environment, fileVariable),
            EnvironmentVariables.Get(request.Environment, CommandVariable),
            fileVariable,
            CommandVariable,
            request.WorkingDirectory);
        if (environment is not null && config is not null)
        {
            var where = $"environment '{environment.Name}' in {config.DisplayPath}";
            yield return new Level(
                environment.PasswordFile, environment.PasswordCommand, $"passwordFile of {where}", $"passwordCommand of {where}", config.Directory);
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private sealed record Level(string? File, string? Command, string FileOrigin, string CommandOrigin, string Directory);
}
