namespace Strata.Cli.Tests.Support;

/// <summary>
/// The shipped binary under test. With <c>STRATA_BIN</c> set (to a Native AOT <c>strata</c>, say), every run that
/// would go through <c>dotnet strata.dll</c> or in-process goes through that file instead, so one test suite checks
/// both the JIT build and the release binary.
/// </summary>
public static class StrataBinary
{
    public const string Variable = "STRATA_BIN";

    /// <summary>The binary's full path, or null when the tests run the build next to them.</summary>
    public static string? Path { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path
        ? System.IO.Path.GetFullPath(path)
        : null;
}
