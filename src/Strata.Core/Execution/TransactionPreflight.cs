using Strata.Core.Migrations;

namespace Strata.Core.Execution;

/// <summary>
/// Checks, before anything runs, that no transactional section contains a statement PostgreSQL refuses inside a
/// transaction or one that would end the migration's transaction early.
/// </summary>
internal static class TransactionPreflight
{
    public static void Check(IEnumerable<Migration> migrations, MigrationDirection direction, int serverMajorVersion)
    {
        foreach (var migration in migrations)
        {
            var section = migration.Section(direction);
            if (!section.Options.Transaction)
            {
                continue;
            }

            foreach (var statement in section.Statements)
            {
                var kind = StatementClassifier.Classify(statement.Text, serverMajorVersion);
                var directive = direction == MigrationDirection.Up ? "-- migrate:up transaction:false" : "-- migrate:down transaction:false";
                switch (kind.Kind)
                {
                    case StatementKind.NoTransaction:
                        throw MigrationErrors.Refused(
                            migration, statement, $"{kind.Command} cannot run inside a transaction", $"put it in a section marked {directive}");
                    case StatementKind.TransactionControl:
                        throw MigrationErrors.Refused(
                            migration,
                            statement,
                            $"{kind.Command} would end the transaction Strata runs the migration in",
                            $"remove it, or mark the section {directive} to manage transactions yourself");
                }
            }
        }
    }
}
