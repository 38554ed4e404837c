using Strata.Core.Configuration;
using Strata.Core.Schema;

namespace Strata.Cli.Commands;

/// <summary>What `strata verify` and `strata report` share: the verify options of a run, and how a failure is said.</summary>
internal static class VerifyRun
{
    public static VerifyOptions Options(CommandRun run) => new()
    {
        MigrationsDirectories = run.Settings.MigrationsDirectories,
        SeedsDirectory = run.Settings.SeedsDirectory.Value,
        SchemaFile = run.Settings.SchemaFile.Value,
        SchemaFileGivenBy = run.Settings.SchemaFile.Source == SettingSource.Default ? null : run.Settings.SchemaFile.Origin,
        Migrator = run.Settings.MigratorOptions(),
    };

    /// <summary>What failed as people read it: the migration, or the schema or seed file relative to the working directory.</summary>
    public static string Subject(CommandRun run, VerifyFailure failure) =>
        failure.Step is VerifyStep.Seed or VerifyStep.SchemaFile ? Db.DbCommand.Display(run, failure.Subject) : failure.Subject;

    /// <summary>The failure in words, without its error; <paramref name="subject"/> is the migration, or the file as shown.</summary>
    public static string Headline(VerifyFailure failure, string subject) => failure.Step switch
    {
        VerifyStep.Up => $"migration {subject} failed going up",
        VerifyStep.Down when failure.Error is not null => $"migration {subject} failed going down",
        VerifyStep.Down => $"migration {subject}: down does not restore the schema before its up",
        VerifyStep.Reapply when failure.Error is not null => $"migration {subject} cannot be re-applied after its down",
        VerifyStep.Reapply => $"migration {subject}: re-applying it after its down gives a different schema",
        VerifyStep.SchemaFile when failure.Error is not null => $"the schema file {subject} does not load",
        VerifyStep.SchemaFile => $"the migrated schema differs from the schema file {subject}",
        _ => $"seed file {subject} failed",
    };
}
