using Strata.Core.Schema;
using Strata.Core.Sessions;

namespace Strata.Cli.Commands;

/// <summary>What `strata drift` and `strata report` share: the drift options of a run.</summary>
internal static class DriftRun
{
    /// <summary>The run's drift options; <paramref name="ignore"/> adds patterns to drift.ignore of the settings.</summary>
    public static DriftOptions Options(CommandRun run, StrataSession session, IEnumerable<string> ignore) => new()
    {
        MigrationsDirectories = run.Settings.MigrationsDirectories,
        Migrator = session.EngineOptions,
        Ignore = [.. run.Settings.DriftIgnore.Value.Concat(ignore).Distinct(StringComparer.Ordinal).Select(p => new SchemaPattern(p))],
    };
}
