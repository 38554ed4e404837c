using Microsoft.Extensions.Logging;
using Strata.Core.Configuration;
using Strata.Core.Local;

namespace Strata.Core.Lifecycle;

/// <summary>What <see cref="DatabaseLifecycle"/> works with besides the database itself; every member is optional.</summary>
internal sealed record DatabaseLifecycleOptions
{
    /// <summary>The local server, needed only when the connection is the local default.</summary>
    public ILocalServer? LocalServer { get; init; }

    /// <summary>Where progress is reported; nowhere when null.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>The variables pg_dump and psql are looked for with (<c>PATH</c>, <c>STRATA_PG_BIN</c>); the process's own when null.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>
    /// The engine settings <c>db setup</c> and <c>db reset</c> migrate with; their history table is also the one
    /// <c>db info</c>, <c>db dump</c> and <c>db load</c> read. The engine's defaults when null: to honour
    /// <c>strata.json</c> and the <c>STRATA_*</c> variables, open a <c>StrataSession</c> instead.
    /// </summary>
    public MigratorOptions? Migrator { get; init; }

    /// <summary>The migrations directory <c>db setup</c> and <c>db reset</c> apply (they refuse without one; a session always gives it).</summary>
    public string? MigrationsDirectory { get; init; }

    /// <summary>Several migrations directories whose files form one set; when given, they replace <see cref="MigrationsDirectory"/>.</summary>
    public IReadOnlyList<string>? MigrationsDirectories { get; init; }

    /// <summary>The seeds directory <c>db seed</c> and <c>db setup</c> run, unless their options name one; a session always gives it.</summary>
    public string? SeedsDirectory { get; init; }
}
