using Strata.Testing;

namespace Strata.Lint.Tests.Corpus;

/// <summary>
/// One corpus migration and what is expected of it: <c>-- expect: error|ok</c> (the verdict a linter must reach) and
/// <c>-- server: rewrite T | scan T | fails SQLSTATE | none</c> (what PostgreSQL does to the reference database).
/// </summary>
public sealed record CorpusCase(string Name, string File, string Expect, string Server, bool Transactional, IReadOnlyList<string> Statements)
{
    public static string Directory => Repository.PathTo("tests", "Strata.Lint.Tests", "Corpus", "cases");

    public static string Reference => System.IO.File.ReadAllText(Repository.PathTo("tests", "Strata.Lint.Tests", "Corpus", "reference.sql"));

    public static IEnumerable<string> Names => System.IO.Directory.EnumerateFiles(Directory, "*.sql").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    public static CorpusCase Load(string name)
    {
        var file = Path.Combine(Directory, name + ".sql");
        var lines = System.IO.File.ReadAllLines(file);
        string Header(string key) => lines.Single(l => l.StartsWith($"-- {key}: ", StringComparison.Ordinal))[(key.Length + 5)..];
        var up = Array.FindIndex(lines, l => l.StartsWith("-- migrate:up", StringComparison.Ordinal));
        var statements = lines.Skip(up + 1).Where(l => l.Trim().Length > 0).ToList();
        return new CorpusCase(name, file, Header("expect"), Header("server"), !lines[up].Contains("transaction:false", StringComparison.Ordinal), statements);
    }
}
