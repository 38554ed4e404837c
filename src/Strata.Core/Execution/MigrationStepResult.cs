using Strata.Core.Migrations;

namespace Strata.Core.Execution;

/// <summary>One migration that ran (or, in a dry run, would run).</summary>
/// <param name="Version">The migration's version.</param>
/// <param name="Description">The migration's description.</param>
/// <param name="Source">The file (or embedded resource) it came from.</param>
/// <param name="Direction">Whether its up or its down section ran.</param>
/// <param name="Transactional">Whether the section ran in one transaction with its history row.</param>
/// <param name="Duration">How long it took, retries included; zero in a dry run.</param>
/// <param name="Attempts">How many attempts it took (more than 1 after lock timeouts); zero in a dry run.</param>
public sealed record MigrationStepResult(
    MigrationVersion Version,
    string Description,
    string Source,
    MigrationDirection Direction,
    bool Transactional,
    TimeSpan Duration,
    int Attempts);
