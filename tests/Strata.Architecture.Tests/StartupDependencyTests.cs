namespace Strata.Architecture.Tests;

/// <summary>
/// What every run of up and status goes through must not load OpenSSL: the runtime's hashing calls libcrypto on Linux,
/// and loading it costs a run about a millisecond of CPU and 3 MiB of memory (Strata.Core.Data.Sha256 is the
/// managed one; see docs/performance.md).
/// </summary>
public sealed class StartupDependencyTests
{
    private static readonly string[] RunNamespaces =
    [
        "Strata.Core.Configuration", "Strata.Core.Migrations", "Strata.Core.Planning", "Strata.Core.History",
        "Strata.Core.Locking", "Strata.Core.Execution", "Strata.Core.Sessions",
    ];

    [Fact]
    public void The_namespaces_of_a_migration_run_use_no_cryptography_of_the_runtime()
    {
        var offenders = CoreLayers.Types
            .Where(type => type.Namespace is { FullName: var name } && RunNamespaces.Any(ns => name == ns || name.StartsWith(ns + ".", StringComparison.Ordinal)))
            .SelectMany(type => type.Dependencies
                .Where(d => d.Target.Namespace?.FullName.StartsWith("System.Security.Cryptography", StringComparison.Ordinal) == true)
                .Select(d => $"{type.FullName} uses {d.Target.FullName}"))
            .Distinct()
            .ToList();

        offenders.ShouldBeEmpty();
    }
}
