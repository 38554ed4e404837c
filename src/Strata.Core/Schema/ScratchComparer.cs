using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Strata.Core.Migrations;

namespace Strata.Core.Schema;

/// <summary>
/// What drift, version detection and verify have in common: each builds the schemas a set of migrations produces
/// on a scratch server and compares them, with the migrations and engine settings its options give.
/// </summary>
/// <param name="server">The server the schemas are built on.</param>
/// <param name="logger">Where progress is reported; nowhere when null.</param>
internal abstract class ScratchComparer(ScratchServer server, ILogger? logger)
{
    // The target OpenTarget named, if any: the scratch builds take the session defaults its server keeps.
    private NpgsqlDataSource? _target;

    /// <summary>The server the schemas are built on.</summary>
    protected ScratchServer Server { get; } = server;

    /// <summary>Where progress is reported.</summary>
    protected ILogger Logger { get; } = logger ?? NullLogger.Instance;

    /// <summary>The migrations <paramref name="options"/> name, and the engine over <paramref name="target"/> with them.</summary>
    protected (IMigrationSource Migrations, Migrator Target) OpenTarget(NpgsqlDataSource target, ScratchComparerOptions options)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        var migrations = new DirectoryMigrationSource(options.MigrationsDirectories);
        _target = target;
        return (migrations, new Migrator(target, migrations, options.Migrator, Logger));
    }

    /// <summary>
    /// A new scratch database, with the engine that applies <paramref name="migrations"/> to it. Its sessions start
    /// with the defaults the target's server keeps for it (<see cref="SessionDefaults"/>), as the target's migrations did.
    /// </summary>
    protected async Task<ScratchBuild> BuildAsync(IMigrationSource migrations, ScratchComparerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var defaults = _target is null ? [] : await SessionDefaults.ReadAsync(_target, cancellationToken);
        return await ScratchBuild.CreateAsync(Server, migrations, options.Migrator, defaults, Logger, cancellationToken);
    }
}
