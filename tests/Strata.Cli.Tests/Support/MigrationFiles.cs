using System.Globalization;

namespace Strata.Cli.Tests.Support;

/// <summary>Writes migration files into a temporary directory for a test.</summary>
public sealed class MigrationFiles : IDisposable
{
    private readonly TempDirectory _directory = new();

    public MigrationFiles() => Directory.CreateDirectory(Path);

    public string Path => System.IO.Path.Combine(_directory.Path, "db", "migrations");

    public string Root => _directory.Path;

    public string Add(long version, string description, string content)
    {
        var file = System.IO.Path.Combine(Path, $"{version.ToString(CultureInfo.InvariantCulture)}_{description}.sql");
        File.WriteAllText(file, content);
        return file;
    }

    /// <summary>N migrations that each create a table, with down sections.</summary>
    public MigrationFiles AddTables(int count, long firstVersion = 1000)
    {
        for (var i = 0; i < count; i++)
        {
            Add(firstVersion + i, $"create_t{i}", $"-- migrate:up\nCREATE TABLE t{i} (id int PRIMARY KEY, name text);\n\n-- migrate:down\nDROP TABLE t{i};\n");
        }

        return this;
    }

    public void Dispose() => _directory.Dispose();
}
