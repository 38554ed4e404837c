using System.Globalization;
using Strata.Core.Migrations;
using Strata.Core.Sql;

namespace Strata.Core.Tests.Engine;

/// <summary>
/// An in-memory migration source for engine tests. Each file is a small dbmate-style text: a <c>-- migrate:up</c>
/// line (with options such as <c>transaction:false</c>), statements that each end with a semicolon at the end of a
/// line, and an optional <c>-- migrate:down</c> section. Statement positions are computed like the real parser's.
/// </summary>
public sealed class TestMigrationSource : IMigrationSource
{
    private readonly List<Migration> _migrations = [];

    public string Description => "test migrations";

    public IReadOnlyList<Migration> Migrations => _migrations;

    public TestMigrationSource Add(string fileName, string content)
    {
        _migrations.RemoveAll(m => Path.GetFileName(m.Source) == fileName);
        _migrations.Add(Parse(fileName, content));
        _migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        return this;
    }

    public TestMigrationSource Remove(string fileName)
    {
        _migrations.RemoveAll(m => Path.GetFileName(m.Source) == fileName);
        return this;
    }

    public Task<IReadOnlyList<Migration>> LoadAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Migration>>(_migrations.ToList());

    public static Migration Parse(string fileName, string content)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var split = stem.IndexOf('_', StringComparison.Ordinal);
        var version = MigrationVersion.Parse(split < 0 ? stem : stem[..split]);
        var lines = content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        MigrationSection? up = null, down = null;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("-- migrate:", StringComparison.Ordinal))
            {
                var section = ParseSection(lines, i);
                if (lines[i].StartsWith("-- migrate:up", StringComparison.Ordinal))
                {
                    up = section;
                }
                else
                {
                    down = section;
                }
            }
        }

        return new Migration(version, split < 0 ? string.Empty : stem[(split + 1)..], "db/migrations/" + fileName,
            up ?? throw new FormatException("no up section"), down, MigrationChecksum.Compute(content));
    }

    private static MigrationSection ParseSection(string[] lines, int directive)
    {
        var statements = new List<SqlStatement>();
        var text = new System.Text.StringBuilder();
        var offsetOfLine = 0;
        int? startLine = null, startColumn = null;
        for (var i = directive + 1; i < lines.Length && !lines[i].StartsWith("-- migrate:", StringComparison.Ordinal); i++)
        {
            var line = lines[i];
            if (startLine is null)
            {
                if (line.Trim().Length == 0 || line.TrimStart().StartsWith("--", StringComparison.Ordinal))
                {
                    offsetOfLine += line.Length + 1;
                    continue;
                }

                startLine = i + 1;
                startColumn = line.Length - line.TrimStart().Length + 1;
                text.Append(line.TrimStart());
            }
            else
            {
                text.Append('\n').Append(line);
            }

            if (line.TrimEnd().EndsWith(';'))
            {
                statements.Add(new SqlStatement(text.ToString().TrimEnd(), startLine.Value, startColumn!.Value, offsetOfLine));
                text.Clear();
                startLine = null;
            }

            offsetOfLine += line.Length + 1;
        }

        return new MigrationSection(string.Join('\n', lines.Skip(directive + 1)), statements, ParseOptions(lines[directive]), directive + 1);
    }

    private static MigrationOptions ParseOptions(string directive)
    {
        var options = MigrationOptions.Default;
        foreach (var word in directive.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(2))
        {
            var (key, value) = (word[..word.IndexOf(':', StringComparison.Ordinal)], word[(word.IndexOf(':', StringComparison.Ordinal) + 1)..]);
            options = key switch
            {
                "transaction" => options with { Transaction = bool.Parse(value) },
                "lock_timeout" => options with { LockTimeout = Duration(value) },
                "statement_timeout" => options with { StatementTimeout = Duration(value) },
                _ => throw new FormatException("unknown option " + key),
            };
        }

        return options;
    }

    private static TimeSpan Duration(string value) => value.EndsWith("ms", StringComparison.Ordinal)
        ? TimeSpan.FromMilliseconds(int.Parse(value[..^2], CultureInfo.InvariantCulture))
        : TimeSpan.FromSeconds(int.Parse(value[..^1], CultureInfo.InvariantCulture));
}
