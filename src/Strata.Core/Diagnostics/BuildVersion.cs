namespace Strata.Core.Diagnostics;

/// <summary>The version of this build of Strata, as <c>--version</c> prints it and history rows and checksum caches record it.</summary>
/// <remarks>
/// The text is written into the build by Strata.Core.csproj (target <c>StrataWriteBuildVersion</c>): the same text as the
/// assembly's <see cref="System.Reflection.AssemblyInformationalVersionAttribute"/>, with the commit when the build knows it.
/// </remarks>
internal static partial class BuildVersion
{
    /// <summary>The informational version, such as <c>1.2.0+4f2c9e1</c>.</summary>
    public static string Text => Informational;
}
