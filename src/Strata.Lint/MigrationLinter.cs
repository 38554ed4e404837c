using System.Text.RegularExpressions;
using Strata.Core.Errors;
using Strata.Core.Migrations;
using Strata.Core.Sql;
using Strata.Lint.Engine;
using Strata.Lint.Parsing;

namespace Strata.Lint;

/// <summary>
/// Lints migrations statically: each statement is parsed by PostgreSQL's own grammar (libpg_query) and checked by
/// every rule, knowing what earlier statements and earlier migrations of the same run did. Migrations are linted in
/// the order given, as <c>up</c> would run them.
/// </summary>
public sealed partial class MigrationLinter
{
    private readonly LintOptions _options;

    /// <summary>Creates a linter for a server of the version in <paramref name="options"/>.</summary>
    public MigrationLinter(LintOptions? options = null) => _options = options ?? new LintOptions();

    /// <summary>Lints the up sections of <paramref name="migrations"/>, honouring each one's <c>transaction:false</c>.</summary>
    /// <exception cref="SqlSyntaxException">PostgreSQL's grammar rejects a statement.</exception>
    /// <exception cref="PrerequisiteMissingException">libpg_query is not installed.</exception>
    internal LintResult Lint(IEnumerable<Migration> migrations)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        return Finish(Run(migrations.Select(Unit)));
    }

    /// <summary>
    /// Lints the up sections of <paramref name="migrations"/> as <see cref="Lint(IEnumerable{Migration})"/>, knowing
    /// what <paramref name="applied"/>, run before them, did; findings in those are not reported.
    /// </summary>
    /// <exception cref="SqlSyntaxException">PostgreSQL's grammar rejects a statement of <paramref name="migrations"/>.</exception>
    /// <exception cref="PrerequisiteMissingException">libpg_query is not installed.</exception>
    internal LintResult Lint(IEnumerable<Migration> applied, IEnumerable<Migration> migrations)
    {
        ArgumentNullException.ThrowIfNull(applied);
        ArgumentNullException.ThrowIfNull(migrations);
        return Finish(Run(migrations.Select(Unit), Learn(applied.Select(Unit))));
    }

    /// <summary>
    /// Lints the files of <paramref name="paths"/> as <see cref="LintPathsAsync(IReadOnlyList{string}, CancellationToken)"/>
    /// does, knowing what the migration files <paramref name="applied"/>, run before them, did; findings in those are
    /// not reported.
    /// </summary>
    /// <exception cref="MigrationFileException">A migration file is malformed or unreadable.</exception>
    /// <exception cref="SqlSyntaxException">A statement of <paramref name="paths"/> cannot be split or parsed.</exception>
    /// <exception cref="PrerequisiteMissingException">libpg_query is not installed.</exception>
    internal async Task<LintResult> LintPathsAfterAsync(IReadOnlyList<string> applied, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(applied);
        ArgumentNullException.ThrowIfNull(paths);
        var knowledge = Learn(await UnitsAsync(applied, cancellationToken));
        return Finish(Run(await UnitsAsync(paths, cancellationToken), knowledge));
    }

    // What the applied migrations did. One the grammar cannot read only leaves what it did unknown: it is not linted,
    // so not refused.
    private RunKnowledge Learn(IEnumerable<LintUnit> applied)
    {
        PgQueryParser.EnsureAvailable();
        var knowledge = new RunKnowledge();
        foreach (var unit in applied)
        {
            try
            {
                UnitLinter.Lint(unit, _options, knowledge, []);
            }
            catch (SqlSyntaxException)
            {
            }
        }

        return knowledge;
    }

    /// <summary>
    /// Lints files and directories: a directory stands for the <c>.sql</c> files directly in it. All the files are
    /// linted once each, in version order across every path (then name order for files without a version, after
    /// the migrations), as <c>up</c> would run them, whatever order the paths were given in. A
    /// file with a <c>-- migrate:up</c> line is a migration (its up section is linted); any other file is a plain
    /// script, linted as one migration that runs in a transaction.
    /// </summary>
    /// <exception cref="ConfigurationException">A path does not exist.</exception>
    /// <exception cref="MigrationFileException">A migration file is malformed or unreadable.</exception>
    /// <exception cref="SqlSyntaxException">A statement cannot be split or parsed.</exception>
    /// <exception cref="PrerequisiteMissingException">libpg_query is not installed.</exception>
    public async Task<LintResult> LintPathsAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return Finish(Run(await UnitsAsync(paths, cancellationToken)));
    }

    private static async Task<List<LintUnit>> UnitsAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        PgQueryParser.EnsureAvailable();
        var units = new List<LintUnit>();
        foreach (var file in Expand(paths))
        {
            units.Add(Unit(file, await ReadAsync(file, cancellationToken)));
        }

        return units;
    }

    /// <summary>Lints one plain SQL script as a single migration that runs in a transaction.</summary>
    /// <param name="file">The name findings refer to.</param>
    /// <param name="sql">The script.</param>
    public LintResult LintScript(string file, string sql)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(sql);
        return Finish(Run([Unit(file, sql)]));
    }

    private LintResult Run(IEnumerable<LintUnit> units, RunKnowledge? knowledge = null)
    {
        PgQueryParser.EnsureAvailable();
        var findings = new List<LintFinding>();
        knowledge ??= new RunKnowledge();
        var (files, statements, suppressed) = (0, 0, 0);
        foreach (var unit in units)
        {
            var (count, hidden) = UnitLinter.Lint(unit, _options, knowledge, findings);
            files++;
            statements += count;
            suppressed += hidden;
        }

        return new LintResult(findings, files, statements, suppressed);
    }

    private LintResult Finish(LintResult result) => SeverityOverrides.Apply(result, _options);

    private static LintUnit Unit(Migration migration) =>
        new(migration.Source, migration.Up.Sql, migration.Up.Statements, migration.Up.Options.Transaction, migration.Phase, migration.Up.Batches.Keys.ToHashSet(),
            migration.Up.Options.StatementTimeout);

    private static LintUnit Unit(string file, string text)
    {
        if (MigrateUp().IsMatch(text))
        {
            return Unit(MigrationParser.Parse(file, text));
        }

        var script = SqlSplitter.Split(text, new SqlSplitOptions { FileName = file });
        return new LintUnit(file, script.Text, script.Statements, Transactional: true);
    }

    // Every file once (the spelling first given names it), in version order across all the paths, as up would run
    // them, however the paths were given or ordered.
    private static IEnumerable<string> Expand(IReadOnlyList<string> paths)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            IEnumerable<string> found = Directory.Exists(path) ? Directory.EnumerateFiles(path, "*.sql")
                : File.Exists(path) ? [path]
                : throw new ConfigurationException($"{path} does not exist; give strata lint a .sql file or a directory of them.");
            foreach (var file in found)
            {
                files.TryAdd(Path.GetFullPath(file), file);
            }
        }

        return files.Values
            .OrderBy(Version)
            .ThenBy(Path.GetFileName, StringComparer.Ordinal)
            .ThenBy(file => file, StringComparer.Ordinal);
    }

    // Files without a leading version sort after every migration.
    private static (bool Unversioned, MigrationVersion Version) Version(string file)
    {
        var name = Path.GetFileName(file);
        var digits = name.Length - name.TrimStart("0123456789".ToCharArray()).Length;
        return MigrationVersion.TryParse(name[..digits], out var version) && digits > 0 ? (false, version) : (true, default);
    }

    private static async Task<string> ReadAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            var text = await File.ReadAllTextAsync(file, cancellationToken);
            return text.StartsWith('\uFEFF') ? text[1..] : text;
        }
        catch (Exception error) when (FileErrorText.IsFileError(error))
        {
            throw new MigrationFileException($"{file}: cannot be read ({FileErrorText.Describe(error, file)})", file);
        }
    }

    [GeneratedRegex(@"^[ \t]*--[ \t]*migrate:up\b", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex MigrateUp();
}
