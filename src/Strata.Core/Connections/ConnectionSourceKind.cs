namespace Strata.Core.Connections;

/// <summary>Where the database was found, in precedence order: the first kind that is present wins.</summary>
internal enum ConnectionSourceKind
{
    /// <summary>The <c>--database-url</c> flag.</summary>
    Flag,

    /// <summary>An environment of the config file chosen by <c>--env</c> or <c>STRATA_ENV</c>.</summary>
    ExplicitEnvironment,

    /// <summary>The <c>STRATA_DATABASE_URL</c> variable.</summary>
    StrataDatabaseUrl,

    /// <summary>The <c>DATABASE_URL</c> variable.</summary>
    DatabaseUrl,

    /// <summary>The <c>DB_SECRET</c> variable holding an RDS Secrets Manager secret as JSON.</summary>
    DbSecret,

    /// <summary>The <c>DB_HOST</c>, <c>DB_PORT</c>, <c>DB_NAME</c>, <c>DB_USER</c> and <c>DB_PASSWORD</c> variables.</summary>
    DbVariables,

    /// <summary>The libpq <c>PG*</c> variables (<c>PGHOST</c>, <c>PGDATABASE</c> and the rest).</summary>
    PgVariables,

    /// <summary>The config file's <c>defaultEnvironment</c>.</summary>
    ConfigDefaultEnvironment,

    /// <summary>Nothing was given: the local PostgreSQL server that Strata runs itself.</summary>
    LocalDefault,
}
