using System.Reflection;
using Strata.Core.Diagnostics;

namespace Strata.Core.Tests.Diagnostics;

/// <summary>The version written into the build as a constant is the one the assembly's own attribute carries.</summary>
public sealed class BuildVersionTests
{
    [Fact]
    public void The_build_version_is_the_assemblys_informational_version()
    {
        var attribute = typeof(BuildVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>();

        attribute.ShouldNotBeNull();
        BuildVersion.Text.ShouldBe(attribute.InformationalVersion);
        BuildVersion.Text.ShouldNotBeNullOrWhiteSpace();
    }
}
