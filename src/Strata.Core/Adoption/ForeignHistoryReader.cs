using Npgsql;
using Strata.Core.Data;
using Strata.Core.Errors;
using Strata.Core.Migrations;

namespace Strata.Core.Adoption;

/// <summary>
/// Reads the history of the tools whose migration ids are Strata versions: dbmate, golang-migrate and Flyway. What the
/// rows say is returned, refusals included (<see cref="ForeignHistory.Unsafe"/>, <see cref="ForeignHistory.Unmapped"/>):
/// the caller decides which of them a named version answers.
/// </summary>
internal static class ForeignHistoryReader
{
    /// <summary>Whether the table holds any row: for the tools whose ids are not versions, whether it is in use.</summary>
    public static Task<bool> HoldsRowsAsync(NpgsqlConnection connection, ForeignHistoryTable table, CancellationToken cancellationToken) =>
        Readable(table, () => Db.ScalarAsync<bool>(connection, new BoundSql($"SELECT EXISTS (SELECT FROM {table.QualifiedName})"), cancellationToken));

    public static Task<ForeignHistory> ReadAsync(NpgsqlConnection connection, ForeignHistoryTable table, CancellationToken cancellationToken) =>
        Readable(table, () => ReadRowsAsync(connection, table, cancellationToken));

    // A table Strata may not read cannot say what it records, and skipping it could run again what the tool applied.
    private static async Task<T> Readable<T>(ForeignHistoryTable table, Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new ConfigurationException(
                $"Could not read {table.QualifiedName}, which has the shape of {table.ToolName}'s history table, to see which migrations it records as " +
                $"applied ({ex.SqlState} {ex.MessageText}): grant the role Strata connects as USAGE on schema {table.Schema} and SELECT on the table, " +
                "or, if it is not this database's history, drop or rename it (see docs/commands/adopt.md).",
                ex);
        }
    }

    private static Task<ForeignHistory> ReadRowsAsync(NpgsqlConnection connection, ForeignHistoryTable table, CancellationToken cancellationToken) => table.Tool switch
    {
        MigrationTool.Dbmate => ReadDbmateAsync(connection, table, cancellationToken),
        MigrationTool.GolangMigrate => ReadGolangMigrateAsync(connection, table, cancellationToken),
        MigrationTool.Flyway => ReadFlywayAsync(connection, table, cancellationToken),
        _ => throw new ConfigurationException(
            $"{table.ToolName}'s migration ids in {table.QualifiedName} are not Strata versions, so adopt cannot map them: " +
            "name the newest migration file the database already contains instead.") { NextSteps = [new(NextStepKind.AdoptUpTo)] },
    };

    private static async Task<ForeignHistory> ReadDbmateAsync(NpgsqlConnection connection, ForeignHistoryTable table, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<MigrationVersion, string>();
        string? unmapped = null;
        foreach (var row in await QueryAsync(connection, $"SELECT version::text FROM {table.QualifiedName} ORDER BY version", cancellationToken))
        {
            var text = (string)row[0]!;
            if (!TryVersion(text, out var version))
            {
                unmapped ??= NotAVersion(table, text);
            }
            else if (!applied.TryAdd(version, text))
            {
                // dbmate compares its versions as text, so '1' and '01' are two migrations to it and one to Strata.
                unmapped ??= $"dbmate recorded both '{applied[version]}' and '{text}' in {table.QualifiedName}, two migrations to dbmate (it compares " +
                    $"versions as text) but one version, {version}, to Strata: which file each stands for cannot be told, so name the newest " +
                    "migration file the database already contains instead.";
            }
        }

        return new ForeignHistory([.. applied.Keys.Select(v => new ForeignVersion(v, null))], null, []) { Unmapped = unmapped };
    }

    private static async Task<ForeignHistory> ReadGolangMigrateAsync(NpgsqlConnection connection, ForeignHistoryTable table, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(connection, $"SELECT version::text, dirty FROM {table.QualifiedName}", cancellationToken);
        if (rows.Count > 1)
        {
            return new ForeignHistory([], null, [])
            {
                Unmapped = $"golang-migrate's table {table.QualifiedName} has {rows.Count} rows where it keeps one: check which version the database " +
                    "is at, then name the newest migration file it contains instead.",
            };
        }

        if (rows.Count == 0)
        {
            return new ForeignHistory([], null, []);
        }

        var text = (string)rows[0][0]!;
        if ((bool)rows[0][1]!)
        {
            return new ForeignHistory([], null, [])
            {
                Unsafe = $"golang-migrate marked version {text} dirty in {table.QualifiedName}: that migration failed part-way, so the schema may " +
                    "hold half of it; check the schema by hand, finish or undo the migration, clear the flag ('migrate force VERSION'), then adopt.",
            };
        }

        return TryVersion(text, out var version)
            ? new ForeignHistory([], version, [])
            : new ForeignHistory([], null, []) { Unmapped = NotAVersion(table, text) };
    }

    private static async Task<ForeignHistory> ReadFlywayAsync(NpgsqlConnection connection, ForeignHistoryTable table, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            connection,
            $"SELECT version, type, success, installed_on::timestamptz, script FROM {table.QualifiedName} ORDER BY installed_rank",
            cancellationToken);
        var applied = new Dictionary<MigrationVersion, ForeignVersion>();
        var skipped = new List<string>();
        MigrationVersion? upTo = null;
        string? unmapped = null;
        foreach (var row in rows)
        {
            var (version, type, success, script) = (row[0] as string, (string)row[1]!, (bool)row[2]!, (string)row[4]!);
            if (!success)
            {
                return new ForeignHistory([], null, [])
                {
                    Unsafe = $"Flyway recorded {script} (version {version ?? "repeatable"}) as failed in {table.QualifiedName}: check what it left in " +
                        "the schema, finish or undo it by hand and run 'flyway repair', then adopt.",
                };
            }

            if (type.StartsWith("UNDO", StringComparison.Ordinal))
            {
                unmapped ??= $"Flyway's table {table.QualifiedName} records undo migrations, so which versions are applied cannot be read one to " +
                    "one: name the newest migration file the database contains instead.";
                // An undone version is no longer applied: it must not stop adopting up to the version the database is at.
                if (version is not null && TryVersion(version, out var undone))
                {
                    applied.Remove(undone);
                }

                continue;
            }

            if (type == "SCHEMA")
            {
                // The row Flyway writes when it creates the schemas it manages: no migration, so nothing to import or report.
                continue;
            }

            if (version is null)
            {
                skipped.Add($"{script} (repeatable migration)");
                continue;
            }

            if (!TryVersion(version, out var parsed))
            {
                unmapped ??= NotAVersion(table, version);
            }
            else if (type == "DELETE")
            {
                applied.Remove(parsed);
            }
            else if (type.EndsWith("BASELINE", StringComparison.Ordinal))
            {
                upTo = upTo is { } current && current > parsed ? current : parsed;
            }
            else
            {
                applied[parsed] = new ForeignVersion(parsed, row[3] is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : null);
            }
        }

        return new ForeignHistory([.. applied.Values], upTo, skipped) { Unmapped = unmapped, UpToIsBaseline = upTo is not null };
    }

    private static bool TryVersion(string text, out MigrationVersion version) => MigrationVersion.TryParse(text.Trim(), out version);

    private static string NotAVersion(ForeignHistoryTable table, string text) =>
        $"{table.ToolName} recorded version '{text}' in {table.QualifiedName}, which is not a Strata version (all digits): " +
        "name the newest migration file the database already contains instead.";

    private static async Task<List<object?[]>> QueryAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
