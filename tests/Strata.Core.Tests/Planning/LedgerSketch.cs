using Strata.Core.History;
using Strata.Core.Migrations;
using Strata.Core.Planning;

namespace Strata.Core.Tests.Planning;

/// <summary>
/// Builds a <see cref="MigrationLedger"/> from a one-line sketch, so that a planner case reads as one row of data.
/// </summary>
/// <remarks>
/// Files: versions separated by spaces; a trailing <c>-</c> means the file has no down section (<c>"1 2- 3"</c>).
/// Each file <c>N</c> is <c>N_tN.sql</c> creating table <c>tN</c>.
/// History: versions separated by spaces, each optionally marked: <c>~</c> recorded with another checksum (the file
/// was edited since), <c>r</c> interrupted while running up, <c>v</c> interrupted while reverting, <c>s</c> recorded by
/// stamp, <c>b</c> recorded by baseline. A version with no file is a missing migration.
/// </remarks>
internal static class LedgerSketch
{
    public static MigrationLedger Build(string files, string history)
    {
        var migrations = Tokens(files).Select(File).ToList();
        var records = Tokens(history).Select(token => Row(token, migrations)).ToList();
        return new MigrationLedger(migrations, records);
    }

    /// <summary>The version of a migration id (<c>3_t3</c> → <c>3</c>).</summary>
    public static string VersionOf(string id) => id.Split('_')[0];

    private static Migration File(string token)
    {
        var noDown = token.EndsWith('-');
        var version = token.TrimEnd('-');
        var content = $"-- migrate:up\nCREATE TABLE t{version} (id int);\n" + (noDown ? string.Empty : $"-- migrate:down\nDROP TABLE t{version};\n");
        return MigrationParser.Parse($"db/migrations/{version}_t{version}.sql", content);
    }

    private static HistoryRecord Row(string token, List<Migration> migrations)
    {
        var version = new string(token.TakeWhile(char.IsAsciiDigit).ToArray());
        var marks = token[version.Length..];
        var file = migrations.FirstOrDefault(m => m.Version.Value == version);
        var checksum = marks.Contains('~') || file is null ? new MigrationChecksum(MigrationChecksum.Sha256Lf, "ff") : file.Checksum;
        var status = marks.Contains('r') ? HistoryStatus.Running : marks.Contains('v') ? HistoryStatus.Reverting : HistoryStatus.Applied;
        var origin = marks.Contains('s') ? HistoryOrigin.Stamp : marks.Contains('b') ? HistoryOrigin.Baseline : HistoryOrigin.Run;
        var completed = status == HistoryStatus.Applied ? 1 : 0;
        return new HistoryRecord(
            MigrationVersion.Parse(version), $"t{version}", checksum, status, completed, 1,
            DateTimeOffset.UnixEpoch, "tester", null, "test", null, origin);
    }

    private static string[] Tokens(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
