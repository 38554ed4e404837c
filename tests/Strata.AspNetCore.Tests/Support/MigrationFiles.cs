using Strata.Testing;

namespace Strata.AspNetCore.Tests.Support;

/// <summary>Writes migration files into a fresh directory.</summary>
public static class MigrationFiles
{
    public const string CreateNotes = "-- migrate:up\nCREATE TABLE notes (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text NOT NULL);\n-- migrate:down\nDROP TABLE notes;\n";
    public const string AddAuthor = "-- migrate:up\nALTER TABLE notes ADD COLUMN author text;\n-- migrate:down\nALTER TABLE notes DROP COLUMN author;\n";
    public const string AddTitle = "-- migrate:up\nALTER TABLE notes ADD COLUMN title text;\n-- migrate:down\nALTER TABLE notes DROP COLUMN title;\n";

    public static TestDirectory Write(params (string Name, string Sql)[] files)
    {
        var directory = TestDirectory.Create();
        Directory.CreateDirectory(directory.Combine("migrations"));
        foreach (var (name, sql) in files)
        {
            File.WriteAllText(Path.Combine(directory.Combine("migrations"), name), sql);
        }

        return directory;
    }
}
