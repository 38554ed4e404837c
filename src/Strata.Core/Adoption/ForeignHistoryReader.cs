using Npgsql;
using Strata.Core.Data;
using Strata.Core.Errors;
using Strata.Core.Migrations;

namespace Strata.Core.Adoption;

/// <summary>Reads the history of the tools whose migration ids are Strata versions: dbmate, golang-migrate and Flyway.</summary>
internal static class ForeignHistoryReader
{
    public static async Task<bool> HasRowsAsync(NpgsqlConnection connection, ForeignHistoryTable table, CancellationToken cancellationToken) =>
        await Db.ScalarAsync<bool>(connection, new BoundSql($"SELECT EXISTS (SELECT FROM {table.QualifiedName})"), cancellationToken);

    public static Task<ForeignHistory> ReadAsync(NpgsqlConnection connection, ForeignHistoryTable table, CancellationToken cancellationToken) => table.Tool switch
    {
        MigrationTool.Dbmate => ReadDbmateAsync(connection, table, cancellationToken),
        MigrationTool.GolangMigrate => ReadGolangMigrateAsync(connection, table, cancellationToken),
        MigrationTool.Flyway => ReadFlywayAsync(connection, table, cancellationToken),
        _ => throw new ConfigurationException(
            $"{table.ToolName}'s migration ids in {table.QualifiedName} are not Strata versions, so adopt cannot map them: " +
            "name the newest migration file the database already contains instead.") { NextSteps = AdoptUpTo },
    };

    private static async Task<ForeignHistory> ReadDbmateAsync(NpgsqlConnection connection, ForeignHistoryTable table, CancellationToken cancellationToken)
    {
        var applied = new List<ForeignVersion>();
        foreach (var row in await QueryAsync(connection, $"SELECT version::text FROM {table.QualifiedName}", cancellationToken))
        {
            applied.Add(new ForeignVersion(Version(table, (string)row[0]!), null));
        }

        return new ForeignHistory(applied, null, []);
    }

    private static async Task<ForeignHistory> ReadGolangMigrateAsync(NpgsqlConnection connection, ForeignHistoryTable table, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(connection, $"SELECT version::text, dirty FROM {table.QualifiedName}", cancellationToken);
        if (rows.Count > 1)
        {
            throw new ValidationFailedException(
                $"golang-migrate's table {table.QualifiedName} has {rows.Count} rows where it keeps one: check which version the database is at, " +
                "then name the newest migration file it contains instead.") { NextSteps = AdoptUpTo };
        }

        if (rows.Count == 0)
        {
            return new ForeignHistory([], null, []);
        }

        var version = (string)rows[0][0]!;
        if ((bool)rows[0][1]!)
        {
            throw new ValidationFailedException(
                $"golang-migrate marked version {version} dirty in {table.QualifiedName}: that migration failed part-way, so the schema may hold " +
                "half of it; check the schema by hand, finish or undo the migration, clear the flag ('migrate force VERSION'), then adopt.");
        }

        return new ForeignHistory([], Version(table, version), []);
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
        foreach (var row in rows)
        {
            var (version, type, success, script) = (row[0] as string, (string)row[1]!, (bool)row[2]!, (string)row[4]!);
            if (!success)
            {
                throw new ValidationFailedException(
                    $"Flyway recorded {script} (version {version ?? "repeatable"}) as failed in {table.QualifiedName}: check what it left in the schema, " +
                    "finish or undo it by hand and run 'flyway repair', then adopt.");
            }

            if (type.StartsWith("UNDO", StringComparison.Ordinal))
            {
                throw new ValidationFailedException(
                    $"Flyway's table {table.QualifiedName} records undo migrations, so which versions are applied cannot be read one to one: " +
                    "name the newest migration file the database contains instead.") { NextSteps = AdoptUpTo };
            }

            if (version is null || type == "SCHEMA")
            {
                skipped.Add($"{script} ({(version is null ? "repeatable migration" : "Flyway's schema creation")})");
                continue;
            }

            var parsed = Version(table, version);
            if (type == "DELETE")
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

        return new ForeignHistory([.. applied.Values], upTo, skipped);
    }

    private static MigrationVersion Version(ForeignHistoryTable table, string text) =>
        MigrationVersion.TryParse(text.Trim(), out var version)
            ? version
            : throw new ValidationFailedException(
                $"{table.ToolName} recorded version '{text}' in {table.QualifiedName}, which is not a Strata version (all digits): " +
                "name the newest migration file the database already contains instead.") { NextSteps = AdoptUpTo };

    private static readonly NextStep[] AdoptUpTo = [new(NextStepKind.AdoptUpTo)];

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
