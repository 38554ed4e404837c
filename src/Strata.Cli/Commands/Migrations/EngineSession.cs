using System.CommandLine;
using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.Cli.Hosting;
using Strata.Core;
using Strata.Core.Connections;
using Strata.Core.Migrations;

namespace Strata.Cli.Commands.Migrations;

/// <summary>The resolved database, its data source and a migrator over the configured migrations directory.</summary>
internal sealed class EngineSession : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    private EngineSession(ResolvedConnection connection, NpgsqlDataSource dataSource, Migrator migrator, string migrationsDirectory)
    {
        Connection = connection;
        _dataSource = dataSource;
        Migrator = migrator;
        MigrationsDirectory = migrationsDirectory;
    }

    public ResolvedConnection Connection { get; }

    public Migrator Migrator { get; }

    public string MigrationsDirectory { get; }

    public static async Task<EngineSession> OpenAsync(CommandRun run, ParseResult parse, CancellationToken cancellationToken)
    {
        var connection = await run.ResolveAsync(cancellationToken);
        var options = EngineFlags.Build(parse, run, connection);
        options.Validate();
        var directory = run.MigrationsDirectory(connection);
        var dataSource = await run.OpenAsync(connection, cancellationToken);
        var migrator = new Migrator(dataSource, new DirectoryMigrationSource(directory), options, run.LoggerFactory.CreateLogger<Migrator>());
        return new EngineSession(connection, dataSource, migrator, directory);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
