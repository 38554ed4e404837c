using Strata.Core.Errors;
using Strata.Core.Schema;
using Strata.Core.Sessions;

namespace Strata.Cli.Commands;

/// <summary>What `strata drift` and `strata report` share: the drift options of a run.</summary>
internal static class DriftRun
{
    /// <summary>The patterns given with --ignore, checked before anything starts.</summary>
    /// <exception cref="ConfigurationException">A pattern is empty.</exception>
    public static IReadOnlyList<string> Ignored(string[]? given)
    {
        if (given is not null && given.Any(string.IsNullOrWhiteSpace))
        {
            throw new ConfigurationException("--ignore is given but empty: give a pattern, such as 'extension *' or 'public.legacy_*', or leave it out");
        }

        return given ?? [];
    }

    /// <summary>The run's drift options; <paramref name="ignore"/> adds patterns to drift.ignore of the settings.</summary>
    public static DriftOptions Options(CommandRun run, StrataSession session, IReadOnlyList<string> ignore) => new()
    {
        MigrationsDirectories = run.Settings.MigrationsDirectories,
        Migrator = session.EngineOptions,
        Ignore = [.. run.Settings.DriftIgnore.Value.Concat(ignore).Distinct(StringComparer.Ordinal).Select(p => new SchemaPattern(p))],
    };
}
