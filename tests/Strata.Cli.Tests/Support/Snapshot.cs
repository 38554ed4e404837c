using Strata.Testing;

namespace Strata.Cli.Tests.Support;

/// <summary>
/// Golden files for reviewable output (help text, JSON shapes). Set STRATA_UPDATE_SNAPSHOTS=1 to rewrite them, then
/// review the diff like any other change.
/// </summary>
public static class Snapshot
{
    public static void Match(string name, string actual)
    {
        var path = Repository.PathTo("tests", "Strata.Cli.Tests", "Snapshots", name);
        var normalized = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("STRATA_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, normalized);
            return;
        }

        File.Exists(path).ShouldBeTrue($"snapshot {name} is missing: run the tests with STRATA_UPDATE_SNAPSHOTS=1 and review it");
        normalized.ShouldBe(File.ReadAllText(path), $"output differs from snapshot {name}");
    }
}
