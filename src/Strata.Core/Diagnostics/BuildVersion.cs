using System.Reflection;

namespace Strata.Core.Diagnostics;

/// <summary>The version of this build of Strata, as <c>--version</c> prints it and history rows and checksum caches record it.</summary>
internal static class BuildVersion
{
    /// <summary>The informational version (with the commit, when the build knows it); the assembly version without one.</summary>
    public static string Text { get; } =
        typeof(BuildVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(BuildVersion).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
