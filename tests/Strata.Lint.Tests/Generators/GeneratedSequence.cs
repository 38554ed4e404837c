using Strata.Core;
using Strata.Core.Configuration;
using Strata.Core.Execution;
using Strata.Core.Generators;
using Strata.Core.Migrations;
using Strata.Core.Planning;
using Strata.Lint.Tests.Support;
using Strata.Testing;

namespace Strata.Lint.Tests.Generators;

/// <summary>A generated expand/contract sequence written to a temporary migrations directory, with the engine to apply it.</summary>
internal sealed class GeneratedSequence : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly MigratorOptions Fast = new()
    {
        LockTimeout = TimeSpan.FromSeconds(5),
        AdvisoryLockPollInterval = TimeSpan.FromMilliseconds(20),
        LockRetryDelay = (_, _) => Task.CompletedTask,
    };

    private readonly TempDirectory _directory = new();

    private readonly List<string> _generated = [];

    private GeneratedSequence(GeneratorRequest request, string? columnType, string baseSchema)
    {
        // The table the operation works on exists before it, created by an earlier migration.
        _directory.Write("1_base.sql", $"-- migrate:up\n{baseSchema}\n-- migrate:down\nSELECT 1;\n");
        foreach (var file in StepRenderer.Render(MigrationGenerator.Generate(request, columnType), Now))
        {
            _generated.Add(_directory.Write(file.FileName, file.Content));
        }

        Migrations = [.. _generated.Select(f => MigrationParser.Parse(f, File.ReadAllText(f)))];
    }

    public IReadOnlyList<Migration> Migrations { get; }

    /// <summary>File names without their version: the description, in the order <c>up</c> applies them.</summary>
    public IReadOnlyList<string> Descriptions => [.. Migrations.Select(m => m.Description)];

    public IReadOnlyList<MigrationPhase> Phases => [.. Migrations.Select(m => m.Phase)];

    public IReadOnlyList<bool> Transactional => [.. Migrations.Select(m => m.Up.Options.Transaction)];

    public static GeneratedSequence Write(string baseSchema, GeneratorOperation operation, string[] arguments, string? columnType = null) =>
        new(new GeneratorRequest(operation, arguments), columnType, baseSchema);

    /// <summary>Applies the migration that creates the table, and nothing else.</summary>
    public Task<MigrationRunResult> ApplyBaseAsync(TestDatabase db) => Migrator(db).UpAsync(MigrationTarget.Steps(1));

    /// <summary>The findings of at least warning severity of the real linter over the directory, as "rule: message".</summary>
    public async Task<IReadOnlyList<string>> LintErrorsAsync()
    {
        var result = await new MigrationLinter().LintPathsAsync(_generated, default);
        return [.. result.Findings.Where(f => f.Severity == LintSeverity.Error).Select(f => $"{f.Rule}: {f.Message}")];
    }

    public Task<MigrationRunResult> UpAsync(TestDatabase db, MigrationPhase? phase = null) =>
        Migrator(db).UpAsync(MigrationTarget.All.InPhase(phase));

    public Task<MigrationRunResult> UpStepsAsync(TestDatabase db, int steps) => Migrator(db).UpAsync(MigrationTarget.Steps(steps));

    /// <summary>Rolls back every generated migration, leaving the table as it was.</summary>
    public Task<MigrationRunResult> DownAllAsync(TestDatabase db) => Migrator(db).DownAsync(MigrationTarget.To(MigrationVersion.Parse("1")));

    public Task<RepairResult> RepairAsync(TestDatabase db, RepairAction action) => Migrator(db).RepairAsync(action);

    public void Dispose() => _directory.Dispose();

    private Migrator Migrator(TestDatabase db) => new(db.DataSource, new DirectoryMigrationSource(_directory.Path), Fast);
}
