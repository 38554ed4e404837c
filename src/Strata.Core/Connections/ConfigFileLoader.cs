using Microsoft.Extensions.Logging;
using Strata.Core.Errors;
using Strata.Core.Logging;

namespace Strata.Core.Connections;

/// <summary>Finds and reads <c>strata.json</c>: from <c>--config</c>, <c>STRATA_CONFIG</c>, or the working directory.</summary>
internal static class ConfigFileLoader
{
    public const string FileName = "strata.json";
    public const string ConfigVariable = "STRATA_CONFIG";

    /// <summary>The parsed file, or null when none was given and the working directory has none. Logs nothing: see <see cref="Log"/>.</summary>
    public static async Task<ConfigFile?> ReadAsync(ConnectionRequest request, CancellationToken cancellationToken)
    {
        var (path, foundBy) = Locate(request);
        if (path is null)
        {
            return null;
        }

        var displayPath = DisplayPath(path, request.WorkingDirectory);
        string json;
        try
        {
            json = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception ex) when (FileErrorText.IsFileError(ex))
        {
            throw new ConfigurationException($"Could not read the config file {displayPath}: {FileErrorText.Describe(ex, path)}.");
        }

        return ConfigFileParser.Parse(json, path, displayPath, foundBy);
    }

    /// <summary>Reports the file that was read, and each environment whose literal URL holds a password.</summary>
    public static void Log(ConfigFile? file, ILogger logger)
    {
        if (file is null)
        {
            return;
        }

        LogMessages.ConfigFileRead(logger, file.DisplayPath, file.FoundBy);
        foreach (var environment in file.EnvironmentsWithPasswords)
        {
            LogMessages.PasswordInConfigFile(logger, file.DisplayPath, environment);
        }
    }

    /// <summary>A path inside the working directory is shown as ./relative, any other as absolute.</summary>
    public static string DisplayPath(string path, string workingDirectory)
    {
        var relative = Path.GetRelativePath(workingDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? path
            : "./" + relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    private static (string? Path, string FoundBy) Locate(ConnectionRequest request)
    {
        if (!string.IsNullOrWhiteSpace(request.ConfigPath))
        {
            return (RequireExisting(request.ConfigPath, request.ConfigPathOrigin, request.WorkingDirectory), request.ConfigPathOrigin);
        }

        if (EnvironmentVariables.Get(request.Environment, ConfigVariable) is { } fromVariable)
        {
            return (RequireExisting(fromVariable, ConfigVariable, request.WorkingDirectory), ConfigVariable);
        }

        var inWorkingDirectory = Path.GetFullPath(Path.Combine(request.WorkingDirectory, FileName));
        if (Directory.Exists(inWorkingDirectory))
        {
            // Not read, but not absent either: going on without it would use another database than the one meant.
            throw new ConfigurationException($"The config file {inWorkingDirectory} in the working directory {FileErrorText.WhyNotAFile(inWorkingDirectory)}.");
        }

        return File.Exists(inWorkingDirectory) ? (inWorkingDirectory, "working directory") : (null, string.Empty);
    }

    private static string RequireExisting(string path, string givenBy, string workingDirectory)
    {
        var full = Path.GetFullPath(Path.Combine(workingDirectory, path));
        if (!File.Exists(full))
        {
            throw new ConfigurationException($"The config file {full} given by {givenBy} {FileErrorText.WhyNotAFile(full)}.");
        }

        return full;
    }
}
