using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Strata.Core.Configuration;
using Strata.Core.Connections;

namespace Strata.Core.Lifecycle;

/// <summary>
/// The database lifecycle commands, one method each, for the database a <see cref="ResolvedConnection"/> names:
/// create, drop, seed, setup, reset, dump, load, connect, sessions, wait and info. Destructive methods refuse protected
/// environments before they connect. See docs/commands/db-*.md.
/// </summary>
internal sealed class DatabaseLifecycle
{
    private readonly LifecycleContext _context;

    /// <summary>Creates the commands for <paramref name="connection"/>.</summary>
    /// <param name="connection">The resolved database.</param>
    /// <param name="options">The local server, logging, program search path and engine settings; null for the defaults.</param>
    /// <exception cref="Errors.ConfigurationException">The engine settings are invalid.</exception>
    public DatabaseLifecycle(ResolvedConnection connection, DatabaseLifecycleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        options ??= new DatabaseLifecycleOptions();
        var migrator = options.Migrator ?? new MigratorOptions();
        migrator.Validate();
        var logger = options.LoggerFactory?.CreateLogger<DatabaseLifecycle>() ?? (ILogger)NullLogger.Instance;
        _context = new LifecycleContext(
            connection,
            new DatabaseConnector(options.LocalServer, options.LoggerFactory),
            logger,
            options.Environment ?? ProcessEnvironment.Snapshot(),
            migrator,
            options.MigrationsDirectories ?? (options.MigrationsDirectory is { } one ? [one] : null),
            options.SeedsDirectory);
    }

    /// <summary>Creates the database unless it exists (then nothing changes), through the maintenance database.</summary>
    /// <exception cref="Errors.DatabaseCommandFailedException">The server refused, e.g. the role may not create databases.</exception>
    public Task<CreateResult> CreateAsync(CreateOptions? options = null, CancellationToken cancellationToken = default) =>
        DatabaseCreator.RunAsync(_context, options ?? new CreateOptions(), cancellationToken);

    /// <summary>Drops the database if it exists, after <see cref="DropOptions.Confirm"/> agreed.</summary>
    /// <exception cref="Errors.ProtectedEnvironmentException">The environment is protected: nothing is done, whatever the options.</exception>
    /// <exception cref="Errors.ConfigurationException">A maintenance database was named, or the drop was not confirmed.</exception>
    /// <exception cref="Errors.DatabaseCommandFailedException">Other sessions use it (without <see cref="DropOptions.Force"/>), or the server refused.</exception>
    public Task<DropResult> DropAsync(DropOptions? options = null, CancellationToken cancellationToken = default) =>
        DatabaseDropper.RunAsync(_context, options ?? new DropOptions(), cancellationToken);

    /// <summary>Runs the seed files in name order, each in its own transaction; stops at the first that fails.</summary>
    /// <exception cref="Errors.ProtectedEnvironmentException">The environment does not allow seeds.</exception>
    /// <exception cref="Errors.ConfigurationException">The seeds directory does not exist.</exception>
    /// <exception cref="Errors.SqlSyntaxException">A seed file cannot be split into statements; nothing ran.</exception>
    /// <exception cref="Errors.ScriptFailedException">A seed failed; it was rolled back, the ones before it stay.</exception>
    public Task<SeedResult> SeedAsync(SeedOptions? options = null, CancellationToken cancellationToken = default) =>
        SeedRunner.RunAsync(_context, options ?? new SeedOptions(), cancellationToken);

    /// <summary>
    /// Creates the database if missing, applies the pending migrations, and runs the seeds when the database is new
    /// (created now, or without applied migrations) and its environment allows seeds; otherwise says why not.
    /// </summary>
    /// <exception cref="Errors.MigrationFailedException">A migration failed; the ones before it stay applied.</exception>
    /// <exception cref="Errors.ScriptFailedException">A seed failed; it was rolled back.</exception>
    public Task<SetupResult> SetupAsync(SetupOptions? options = null, CancellationToken cancellationToken = default) =>
        SetupRunner.SetupAsync(_context, options ?? new SetupOptions(), cancellationToken);

    /// <summary>Drops the database (after <see cref="ResetOptions.Confirm"/> agreed) and sets it up again.</summary>
    /// <exception cref="Errors.ProtectedEnvironmentException">The environment is protected: nothing is done, whatever the options.</exception>
    public Task<ResetResult> ResetAsync(ResetOptions? options = null, CancellationToken cancellationToken = default) =>
        SetupRunner.ResetAsync(_context, options ?? new ResetOptions(), cancellationToken);

    /// <summary>Writes the schema and the history rows to a file that is byte-identical for the same database.</summary>
    /// <exception cref="Errors.PrerequisiteMissingException">No pg_dump as new as the server is installed.</exception>
    /// <exception cref="Errors.DatabaseCommandFailedException">pg_dump failed.</exception>
    public Task<DumpResult> DumpAsync(DumpOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return SchemaDumper.RunAsync(_context, options, cancellationToken);
    }

    /// <summary>Loads a schema file into a database without tables, in one transaction.</summary>
    /// <exception cref="Errors.ValidationFailedException">The database already has tables; nothing was loaded.</exception>
    /// <exception cref="Errors.ScriptFailedException">A statement failed; everything was rolled back.</exception>
    public Task<LoadResult> LoadAsync(LoadOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return SchemaLoader.RunAsync(_context, options, cancellationToken);
    }

    /// <summary>
    /// How psql would be started on the database: the connection in PG* variables and the password in PGPASSWORD,
    /// never in the arguments, which are <paramref name="psqlArguments"/> alone. Connects once first.
    /// </summary>
    public Task<ProcessStartInfo> PsqlStartInfoAsync(IReadOnlyList<string> psqlArguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(psqlArguments);
        return PsqlLauncher.StartInfoAsync(_context, psqlArguments, cancellationToken);
    }

    /// <summary>Runs psql on the database, on this process's terminal, and returns psql's exit code.</summary>
    /// <exception cref="Errors.PrerequisiteMissingException">psql is not installed.</exception>
    public async Task<int> ConnectAsync(IReadOnlyList<string> psqlArguments, CancellationToken cancellationToken = default) =>
        await PsqlLauncher.RunAsync(await PsqlStartInfoAsync(psqlArguments, cancellationToken));

    /// <summary>The client sessions of the database (or of the server), and which of them block others.</summary>
    public Task<SessionsResult> SessionsAsync(SessionsOptions? options = null, CancellationToken cancellationToken = default) =>
        SessionReader.RunAsync(_context, options ?? new SessionsOptions(), cancellationToken);

    /// <summary>Waits until the server accepts connections and the database exists.</summary>
    /// <exception cref="Errors.ConnectionFailedException">Not ready within the timeout (the message quotes the last error), or the login was refused.</exception>
    public Task<WaitResult> WaitAsync(WaitOptions? options = null, CancellationToken cancellationToken = default) =>
        DatabaseWaiter.RunAsync(_context, options ?? new WaitOptions(), cancellationToken);

    /// <summary>The server version, database size, table count and newest applied migration.</summary>
    public Task<DatabaseInfo> InfoAsync(CancellationToken cancellationToken = default) =>
        InfoReader.RunAsync(_context, cancellationToken);
}
