using System.Globalization;
using Npgsql;
using Strata.Core.Configuration;
using Strata.Core.Data;
using Strata.Core.Errors;
using Strata.Core.Migrations;

namespace Strata.Core.History;

/// <summary>
/// Reads history rows one by one and checks them as a whole: a row Strata cannot read, or two rows that are one
/// version once normalised, make the table inconsistent, reported once with every such row named.
/// </summary>
internal sealed class HistoryRowReader(HistoryTableName table)
{
    private static readonly string[] ColumnNames =
    [
        "version", "description", "checksum", "checksum_algorithm", "status", "statements_completed", "statements_total",
        "applied_at", "applied_by", "client_host", "strata_version", "execution_time_ms", "origin", "phase",
    ];

    private readonly List<(string Raw, HistoryRecord Record)> _rows = [];
    private readonly List<string> _problems = [];
    private readonly List<string> _collisions = [];

    public void Read(NpgsqlDataReader reader)
    {
        // Text, as the select's ordering (by length, then collated) needs: other types fail the query before this.
        var raw = reader.IsDBNull(0) ? "NULL" : reader.GetString(0);
        if (!MigrationVersion.TryParse(raw, out var version))
        {
            _problems.Add($"the row with version '{raw}' does not hold a version (all digits): delete it with DELETE FROM {table.Quoted} WHERE version = '{raw.Replace("'", "''", StringComparison.Ordinal)}'");
            return;
        }

        var column = 1;
        try
        {
            var description = reader.GetString(column);
            var checksum = reader.GetString(++column);
            var algorithm = reader.GetString(++column);
            var status = HistoryCodes.ParseStatus(reader.GetString(++column));
            var completed = reader.GetInt32(++column);
            var total = reader.GetInt32(++column);
            var appliedAt = reader.GetFieldValue<DateTimeOffset>(++column);
            var appliedBy = reader.GetString(++column);
            var clientHost = reader.IsDBNull(++column) ? null : reader.GetString(column);
            var strataVersion = reader.GetString(++column);
            var elapsed = reader.IsDBNull(++column) ? (long?)null : reader.GetInt64(column);
            var origin = HistoryCodes.ParseOrigin(reader.GetString(++column));
            var phase = HistoryCodes.ParsePhase(reader.IsDBNull(++column) ? null : reader.GetString(column));
            _rows.Add((raw, new HistoryRecord(
                version, description, new MigrationChecksum(algorithm, checksum), status, completed, total, appliedAt, appliedBy,
                clientHost, strataVersion, elapsed is { } ms ? TimeSpan.FromMilliseconds(ms) : null, origin) { Phase = phase }));
        }
        catch (Exception ex) when (ex is InvalidCastException or FormatException or OverflowException or InvalidDataException)
        {
            var value = reader.IsDBNull(column) ? "NULL" : $"'{Convert.ToString(reader.GetValue(column), CultureInfo.InvariantCulture)}'";
            _problems.Add($"the row with version '{raw}' has {value} in column {ColumnNames[column]} ({reader.GetDataTypeName(column)}), which Strata never writes");
        }
    }

    /// <summary>The rows read, or <see cref="HistoryInconsistentException"/> naming every row that is not consistent.</summary>
    public IReadOnlyList<HistoryRecord> Checked()
    {
        // Rows come in the order they were applied, which is mostly version order: sorted (when they are not) and
        // compared with their neighbours, they show whether a version is there twice without a set of them all.
        var versions = _rows.ConvertAll(r => r.Record.Version);
        ListOrder.SortIfNeeded(versions, static (left, right) => left.CompareTo(right));
        var distinct = ListOrder.FirstRepeat(versions, static (left, right) => left == right) < 0;

        foreach (var spellings in distinct ? [] : _rows.GroupBy(r => r.Record.Version).Where(g => g.Count() > 1))
        {
            _problems.Add($"rows {string.Join(" and ", spellings.Select(r => $"'{r.Raw}'"))} are the same version {spellings.Key}");
            _collisions.Add(spellings.Key.Value);
        }

        if (_problems.Count > 0)
        {
            throw new HistoryInconsistentException(
                $"The history table {table} is inconsistent: {string.Join("; ", _problems)}. Remove every row of such a version " +
                "(with stamp's remove option, or correct the rows in SQL), then record what is applied again with stamp.")
            {
                NextSteps = [.. _collisions.Select(v => new NextStep(NextStepKind.Unstamp, v)), new NextStep(NextStepKind.Stamp)],
            };
        }

        return _rows.ConvertAll(r => r.Record);
    }
}
