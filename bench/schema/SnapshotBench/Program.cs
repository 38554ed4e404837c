// Times reading the schema model of a database with 1,000 tables (each with columns, a primary key, a foreign key,
// an index, a check constraint and a comment). Usage: SnapshotBench <connection string of an empty scratch database>
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
var ddl = new StringBuilder("DROP SCHEMA IF EXISTS bench CASCADE; CREATE SCHEMA bench;");
for (var i = 0; i < Tables; i++)
{
    var parent = i == 0 ? string.Empty : $", parent_id bigint REFERENCES bench.t{i - 1} (id)";
    ddl.Append(CultureInfo.InvariantCulture, $"""
        CREATE TABLE bench.t{i} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL DEFAULT '',
            amount numeric(12, 2) CHECK (amount >= 0), created_at timestamptz NOT NULL DEFAULT now(){parent});
        CREATE INDEX t{i}_name_idx ON bench.t{i} (name);
        COMMENT ON TABLE bench.t{i} IS 'table {i}';
        """);
}

await using (var create = new NpgsqlCommand(ddl.ToString(), connection))
{
    create.CommandTimeout = 600;
    await create.ExecuteNonQueryAsync();
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
await using (var drop = new NpgsqlCommand("DROP SCHEMA bench CASCADE", connection))
{
    await drop.ExecuteNonQueryAsync();
}

return 0;
