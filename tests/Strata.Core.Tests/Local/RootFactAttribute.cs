namespace Strata.Core.Tests.Local;

/// <summary>A test of what happens when Strata runs as root; reported as skipped when the tests run as another user.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
        {
            Skip = "Needs to run as root on Linux.";
        }
    }
}
