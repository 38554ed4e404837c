using Strata.Core.Connections;
using Strata.Core.Sessions;

namespace Strata.Cli.Commands;

/// <summary>
/// The rows `strata config` prints: the connection's (which database, from where) and then the settings', each with
/// its origin. The settings decide the directories, history table and protection, so their rows replace the ones
/// the connection reports for the same names.
/// </summary>
internal static class ConfigRows
{
    public static List<ResolvedSetting> Of(StrataSession session)
    {
        var settings = session.Settings.Describe();
        var names = settings.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        return [.. session.Connection.Describe().Where(r => !names.Contains(r.Name)), .. settings];
    }
}
