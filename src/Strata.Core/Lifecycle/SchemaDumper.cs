using System.Text;
using Npgsql;
using Strata.Core.Data;
using Strata.Core.Errors;
using Strata.Core.History;
using Strata.Core.Logging;
using Strata.Core.Secrets;

namespace Strata.Core.Lifecycle;

/// <summary>
/// <c>db dump</c>: the schema from <c>pg_dump --schema-only --no-owner --no-privileges</c>, made stable by
/// <see cref="DumpText"/>, with the version of each extension not at its default one, followed by the history table's rows. The file is replaced only when the dump succeeded
/// and its content changed.
/// </summary>
internal static class SchemaDumper
{
    private const string Header =
        "-- The schema of this database and its migration history, written by `strata db dump`.\n" +
        "-- Load it into an empty database with `strata db load`.\n\n";

    private static readonly string[] Arguments = ["--schema-only", "--no-owner", "--no-privileges", "--encoding=UTF8"];

    public static async Task<DumpResult> RunAsync(LifecycleContext context, DumpOptions options, CancellationToken cancellationToken)
    {
        var file = CheckTarget(options.File);
        await using var dataSource = await context.OpenTargetAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var serverMajor = connection.PostgreSqlVersion.Major;
        var pgDump = await ClientPrograms.FindAsync("pg_dump", serverMajor, acceptOlder: false, context.Environment, cancellationToken);
        LogMessages.DumpingSchema(context.Logger, context.Database, pgDump.Path, pgDump.MajorVersion);

        var (settings, password) = await context.ClientSettingsAsync(cancellationToken);
        var run = await ClientProcess.RunAsync(ClientProcess.ForDatabase(pgDump.Path, settings, password, Arguments), null, cancellationToken);
        if (run.ExitCode != 0)
        {
            throw new DatabaseCommandFailedException(
                $"pg_dump could not dump database '{context.Database}': {Summary(run.Stderr)}", null);
        }

        var (history, rows) = await HistoryRows.DumpAsync(connection, context.HistoryTable, cancellationToken);
        var pinned = await PinnedExtensionsAsync(connection, cancellationToken);
        var text = Header + DumpText.WithExtensionVersions(DumpText.Normalize(run.Stdout), pinned) + history;
        var changed = await WriteIfChangedAsync(file, text, cancellationToken);
        LogMessages.SchemaDumped(context.Logger, file, rows, changed);
        return new DumpResult(context.Database, file, Encoding.UTF8.GetByteCount(text), changed, rows, pgDump.Path, pgDump.MajorVersion, serverMajor);
    }

    /// <summary>
    /// The full path of the schema file, refused when no dump could be written there: it is a directory, or a file is
    /// where one of its directories should be. Commands that dump after they change the database check it first.
    /// </summary>
    /// <exception cref="ConfigurationException">The path cannot be a file.</exception>
    public static string CheckTarget(string file)
    {
        var full = Path.GetFullPath(file);
        if (Directory.Exists(full))
        {
            throw new ConfigurationException($"schema file {full} is a directory, not a file; name the schema file itself");
        }

        if (FileErrorText.FileInTheWay(Path.GetDirectoryName(full)!) is { } blocker)
        {
            throw new ConfigurationException($"schema file {full} cannot be written: {blocker} is a file, not a directory; name another schema file");
        }

        return full;
    }

    // pg_dump writes CREATE EXTENSION without a version, so loading its file installs each extension's default one.
    // An extension a migration pinned to another version is given it back, as the line pg_dump writes for it.
    private const string PinnedExtensions = """
        SELECT 'CREATE EXTENSION IF NOT EXISTS ' || quote_ident(e.extname) || ' WITH SCHEMA ' || quote_ident(n.nspname) || ';',
               quote_literal(e.extversion)
        FROM pg_extension e
        JOIN pg_namespace n ON n.oid = e.extnamespace
        JOIN pg_available_extensions a ON a.name = e.extname
        WHERE e.extversion IS DISTINCT FROM a.default_version
        """;

    private static async Task<IReadOnlyDictionary<string, string>> PinnedExtensionsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var pinned = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(PinnedExtensions, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            pinned[reader.GetString(0)] = reader.GetString(1);
        }

        return pinned;
    }

    /// <summary>Replaces the file whole (<see cref="AtomicFile"/>), so a reader never sees half a schema.</summary>
    private static async Task<bool> WriteIfChangedAsync(string file, string text, CancellationToken cancellationToken)
    {
        var encoding = new UTF8Encoding(false);
        if (File.Exists(file) && await File.ReadAllTextAsync(file, encoding, cancellationToken) == text)
        {
            return false;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await AtomicFile.WriteAsync(file, encoding.GetBytes(text), cancellationToken);
        }
        catch (Exception ex) when (FileErrorText.IsFileError(ex))
        {
            throw new ConfigurationException($"could not write the schema file {file}: {FileErrorText.Describe(ex, file)}", ex);
        }

        return true;
    }

    private static string Summary(string stderr)
    {
        var lines = stderr.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "it failed without saying why" : SecretRedactor.Redact(string.Join(" ", lines.Take(3)));
    }
}
