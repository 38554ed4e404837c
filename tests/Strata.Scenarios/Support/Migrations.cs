namespace Strata.Scenarios.Support;

/// <summary>The migration files scenarios are built from.</summary>
public static class Migrations
{
    /// <summary><c>N_create_tN.sql</c>: creates table <c>tN</c>; its down section drops it.</summary>
    public static (string Name, string Sql) Table(int n) =>
        ($"{n}_create_t{n}.sql", $"-- migrate:up\nCREATE TABLE t{n} (id int);\n-- migrate:down\nDROP TABLE t{n};\n");

    /// <summary>Creates table <c>tN</c>, then fails: a transactional migration whose first statement must be rolled back.</summary>
    public static (string Name, string Sql) Failing(int n) =>
        ($"{n}_create_t{n}.sql", $"-- migrate:up\nCREATE TABLE t{n} (id int);\nALTER TABLE t{n} ADD COLUMN broken no_such_type;\n-- migrate:down\nDROP TABLE t{n};\n");

    /// <summary>
    /// A <c>transaction:false</c> migration whose second statement fails, leaving table <c>tN</c> behind and the
    /// history row <c>running</c> with one of two statements completed.
    /// </summary>
    public static (string Name, string Sql) InterruptedNonTransactional(int n) =>
        ($"{n}_create_t{n}.sql",
            $"-- migrate:up transaction:false\nCREATE TABLE IF NOT EXISTS t{n} (id int);\nSELECT 1 / 0;\n-- migrate:down transaction:false\nDROP TABLE IF EXISTS t{n};\n");

    /// <summary>The fixed version of <see cref="InterruptedNonTransactional"/>: safe to run again from its first statement.</summary>
    public static (string Name, string Sql) RepeatableNonTransactional(int n) =>
        ($"{n}_create_t{n}.sql",
            $"-- migrate:up transaction:false\nCREATE TABLE IF NOT EXISTS t{n} (id int);\nCREATE INDEX CONCURRENTLY IF NOT EXISTS t{n}_id ON t{n} (id);\n-- migrate:down transaction:false\nDROP TABLE IF EXISTS t{n};\n");

    /// <summary>
    /// Takes a while and counts its own runs in <c>runs</c>, so racing runners that applied it twice would leave two
    /// rows (or fail on the duplicate table).
    /// </summary>
    public static (string Name, string Sql) Counted(int n) =>
        ($"{n}_count_runs.sql",
            $"-- migrate:up\nCREATE TABLE runs (version int);\nSELECT pg_sleep(0.3);\nINSERT INTO runs VALUES ({n});\n-- migrate:down\nDROP TABLE runs;\n");

    /// <summary>
    /// A <c>transaction:false</c> migration whose down section fails after dropping the index, leaving the history
    /// row <c>reverting</c> with one of two statements completed.
    /// </summary>
    public static (string Name, string Sql) FailingNonTransactionalDown(int n) =>
        ($"{n}_create_t{n}.sql",
            $"-- migrate:up transaction:false\nCREATE TABLE t{n} (id int);\nCREATE INDEX CONCURRENTLY t{n}_id ON t{n} (id);\n" +
            $"-- migrate:down transaction:false\nDROP INDEX CONCURRENTLY t{n}_id;\nSELECT 1 / 0;\n");

    /// <summary>The fixed version of <see cref="FailingNonTransactionalDown"/>.</summary>
    public static (string Name, string Sql) NonTransactionalDown(int n) =>
        ($"{n}_create_t{n}.sql",
            $"-- migrate:up transaction:false\nCREATE TABLE t{n} (id int);\nCREATE INDEX CONCURRENTLY t{n}_id ON t{n} (id);\n" +
            $"-- migrate:down transaction:false\nDROP INDEX CONCURRENTLY IF EXISTS t{n}_id;\nDROP TABLE t{n};\n");
}
