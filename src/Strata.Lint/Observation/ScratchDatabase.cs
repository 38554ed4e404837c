using System.Diagnostics;
using Npgsql;
using Strata.Core.Errors;

namespace Strata.Lint.Observation;

/// <summary>
/// A database made for one lint run on the scratch server and dropped after it: empty, or holding the reference
/// database's schema (no data) copied with <c>pg_dump --schema-only</c> and <c>psql</c>.
/// </summary>
internal sealed class ScratchDatabase : IAsyncDisposable
{
    private static readonly TimeSpan CopyTimeout = TimeSpan.FromMinutes(5);
    private readonly NpgsqlDataSource _server;
    private readonly string _name;

    private ScratchDatabase(NpgsqlDataSource server, string name, NpgsqlDataSource dataSource, string connectionString)
    {
        _server = server;
        _name = name;
        DataSource = dataSource;
        ConnectionString = connectionString;
    }

    public NpgsqlDataSource DataSource { get; }

    public string ConnectionString { get; }

    /// <exception cref="ConnectionFailedException">The scratch server refused to create the database.</exception>
    public static async Task<ScratchDatabase> CreateAsync(string serverConnectionString, CancellationToken cancellationToken)
    {
        var server = NpgsqlDataSource.Create(serverConnectionString);
        var name = "strata_lint_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            await using var command = server.CreateCommand($"CREATE DATABASE {name} TEMPLATE template0");
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception error) when (error is NpgsqlException)
        {
            await server.DisposeAsync();
            throw new ConnectionFailedException($"cannot create a scratch database for lint: {(error as PostgresException)?.MessageText ?? error.Message}");
        }

        var connectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name, Pooling = false }.ConnectionString;
        return new ScratchDatabase(server, name, NpgsqlDataSource.Create(connectionString), connectionString);
    }

    /// <summary>Copies the reference database's schema, without data.</summary>
    /// <exception cref="PrerequisiteMissingException">pg_dump or psql is not installed.</exception>
    /// <exception cref="DatabaseCommandFailedException">The dump or its restore failed.</exception>
    public async Task CopySchemaAsync(string referenceConnectionString, CancellationToken cancellationToken)
    {
        var dump = Path.GetTempFileName();
        try
        {
            await RunAsync("pg_dump", referenceConnectionString, ["--schema-only", "--no-owner", "--no-privileges", "--file", dump], cancellationToken);
            await RunAsync("psql", ConnectionString, ["-X", "-q", "-v", "ON_ERROR_STOP=1", "--file", dump], cancellationToken);
        }
        finally
        {
            File.Delete(dump);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using (var command = _server.CreateCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)"))
        {
            await command.ExecuteNonQueryAsync();
        }

        await _server.DisposeAsync();
    }

    // Connection details go through libpq's environment variables, so no password appears on a command line.
    private static async Task RunAsync(string program, string connectionString, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGHOST"] = target.Host ?? "localhost";
        start.Environment["PGPORT"] = target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = target.Database ?? "";
        start.Environment["PGUSER"] = target.Username ?? Environment.UserName;
        if (target.Password is { } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new PrerequisiteMissingException($"{program} could not be started; install the PostgreSQL client programs.");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new PrerequisiteMissingException($"{program} is not installed; dynamic lint copies the reference schema with pg_dump and psql.");
        }

        using (process)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(CopyTimeout);
            var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
            var stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            await stdout;
            if (process.ExitCode != 0)
            {
                var first = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "no message";
                throw new DatabaseCommandFailedException($"{program} failed while copying the reference schema: {first}", null);
            }
        }
    }
}
