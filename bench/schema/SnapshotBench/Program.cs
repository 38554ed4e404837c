// Times reading the schema model of a database with 1,000 tables (each with columns, a primary key, a foreign key,
// an index, a check constraint and a comment). Usage: SnapshotBench <connection string of an empty scratch database> (the bench schema is left for the caller to drop)
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;
using Strata.Core.Schema;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: SnapshotBench <connection string of an empty scratch database>");
    return 2;
}

const int Tables = 1000;
const int Runs = 7;
await using var connection = new NpgsqlConnection(args[0]);
await connection.OpenAsync();
await ExecuteAsync(connection, "CREATE SCHEMA bench");
var ddl = new StringBuilder();
for (var i = 0; i < Tables; i++)
{
    var parent = i == 0 ? string.Empty : $", parent_id bigint REFERENCES bench.t{i - 1} (id)";
    ddl.Append(CultureInfo.InvariantCulture, $"""
        CREATE TABLE bench.t{i} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL DEFAULT '',
            amount numeric(12, 2) CHECK (amount >= 0), created_at timestamptz NOT NULL DEFAULT now(){parent});
        CREATE INDEX t{i}_name_idx ON bench.t{i} (name);
        COMMENT ON TABLE bench.t{i} IS 'table {i}';
        """);
    // One transaction holding a lock on every table would run out of lock slots.
    if (i % 100 == 99)
    {
        await ExecuteAsync(connection, ddl.ToString());
        ddl.Clear();
    }
}

var timings = new List<double>();
SchemaSnapshot? snapshot = null;
for (var run = 0; run < Runs; run++)
{
    var watch = Stopwatch.StartNew();
    snapshot = await SchemaReader.ReadAsync(connection, CancellationToken.None);
    timings.Add(watch.Elapsed.TotalMilliseconds);
}

timings.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{Tables} tables, {snapshot!.Objects.Length} objects: median {timings[Runs / 2]:F0} ms, best {timings[0]:F0} ms over {Runs} runs"));
return 0;

static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
{
    await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
    await command.ExecuteNonQueryAsync();
}
