using Microsoft.Extensions.Logging;
using Strata.Core.Connections;
using Strata.Core.Local;
using Strata.Core.Migrations;

namespace Strata.Core.Sessions;

/// <summary>What a front door adds to the settings when it opens a <see cref="StrataSession"/>; every member is optional.</summary>
public sealed record StrataSessionOptions
{
    /// <summary>Where the session reports; nowhere when null.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>The local server for the local default; the working directory's own cluster when null.</summary>
    internal ILocalServer? LocalServer { get; init; }

    /// <summary>How the session's data source is built (pool sizes, application name); the defaults when null.</summary>
    internal DataSourceOptions? DataSource { get; init; }

    /// <summary>The migrations to apply; the settings' migrations directory when null.</summary>
    internal IMigrationSource? Migrations { get; init; }

    /// <summary>Adjusts the engine options the settings give (timings no setting covers, such as retry delays).</summary>
    public Func<Configuration.MigratorOptions, Configuration.MigratorOptions>? Engine { get; init; }
}
