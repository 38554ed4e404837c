using Microsoft.Extensions.Logging;
using Strata.Core.Logging;
using Strata.Core.Migrations;

namespace Strata.Core.Execution;

/// <summary>Runs migrations one after another in one direction, each with the executor its section asks for.</summary>
internal sealed class StepRunner(TransactionalExecutor transactional, NonTransactionalExecutor nonTransactional, ILogger logger)
{
    public async Task<MigrationRunResult> RunAsync(
        MigrationSession session, IReadOnlyList<Migration> migrations, MigrationDirection direction, CancellationToken cancellationToken)
    {
        var name = direction.ToString().ToLowerInvariant();
        if (migrations.Count == 0)
        {
            logger.NothingToRun(name);
            return new MigrationRunResult(direction, false, []);
        }

        var connection = await session.ConnectionAsync(cancellationToken);

        var results = new List<MigrationStepResult>(migrations.Count);
        foreach (var migration in migrations)
        {
            var id = MigrationNames.Id(migration);
            var inTransaction = migration.Section(direction).Options.Transaction;
            logger.MigrationStarting(id, name, inTransaction ? "in a transaction" : "transaction:false");
            MigrationStepResult result;
            try
            {
                result = inTransaction
                    ? await transactional.RunAsync(connection, migration, direction, cancellationToken)
                    : await nonTransactional.RunAsync(connection, migration, direction, cancellationToken);
            }
            catch (Exception ex)
            {
                PartialRun.Attach(ex, new MigrationRunResult(direction, false, results));
                throw;
            }

            logger.MigrationCompleted(id, name, result.Duration.TotalMilliseconds, result.Attempts);
            results.Add(result);
        }

        return new MigrationRunResult(direction, false, results);
    }

    /// <summary>What <see cref="RunAsync"/> would run, with nothing executed.</summary>
    public static MigrationRunResult DryRun(IReadOnlyList<Migration> migrations, MigrationDirection direction)
    {
        var steps = migrations
            .Select(m => new MigrationStepResult(m.Version, m.Description, m.Source, direction, m.Section(direction).Options.Transaction, TimeSpan.Zero, 0))
            .ToList();
        return new MigrationRunResult(direction, true, steps);
    }
}
