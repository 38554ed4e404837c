namespace Strata.Core.Errors;

/// <summary>
/// Something the person running Strata can do next, as data: the engine names the step and its subject, and each
/// front end says it in its own terms (the command line as a command to run, a web host as a line of log text).
/// </summary>
/// <param name="Kind">What to do.</param>
/// <param name="Version">The migration the step is about, when it is about one.</param>
/// <param name="Value">A value the step suggests, such as a longer lock wait or a template database.</param>
public sealed record NextStep(NextStepKind Kind, string? Version = null, string? Value = null)
{
    /// <summary>The step in plain words that name no command or flag, for logs and for the engine's own messages.</summary>
    public string Describe() => Kind switch
    {
        NextStepKind.AllowEdited => "allow edited migrations to accept the new checksum",
        NextStepKind.AllowOutOfOrder => "allow out-of-order migrations to apply it anyway",
        NextStepKind.Repair => $"repair migration {Version} to see its state and resolve it",
        NextStepKind.Unstamp => Version is null ? "remove a wrong history row with stamp's remove option" : $"remove the history row of migration {Version} with stamp's remove option",
        NextStepKind.RaiseLockWait => Value is null ? "allow a longer migration lock wait" : $"allow a longer migration lock wait (such as {Value})",
        NextStepKind.ListSessions => "list the sessions connected to the database",
        NextStepKind.DropEndingSessions => "drop it ending the other sessions first",
        NextStepKind.CreateFromTemplate => $"create it from template {Value}",
        NextStepKind.ChooseSeedsDirectory => "name another seeds directory",
        NextStepKind.ChooseSchemaFile => "name another schema file",
        NextStepKind.DumpSchema => "dump the schema of a database to write one",
        NextStepKind.RecreateDatabase => "drop the database and create it again",
        NextStepKind.Seed => "run the seed files on their own",
        NextStepKind.StopLocalCluster => "stop the local PostgreSQL",
        NextStepKind.DestroyLocalCluster => "delete the local PostgreSQL and its data",
        NextStepKind.ShowSettings => "show the settings in effect and where each comes from",
        NextStepKind.GiveDatabaseUrl => "give the database URL",
        NextStepKind.ChooseEnvironment => "choose an environment of the configuration file",
        NextStepKind.Adopt => "adopt the other tool's history",
        NextStepKind.AdoptUpTo => "adopt the other tool's history up to the newest migration file the database already contains",
        NextStepKind.Baseline => "baseline the history at the newest migration file the schema already contains",
        NextStepKind.Stamp => Version is null ? "record the migrations that are applied one by one with stamp" : $"record migration {Version} as applied with stamp",
        NextStepKind.ShowStatus => "show the status of the migrations",
        NextStepKind.ResumeBackfill => $"run up to resume the backfill of migration {Version} after its last committed batch",
        _ => Kind.ToString(),
    };

    /// <summary>The plain-word descriptions of several steps, joined as alternatives.</summary>
    public static string DescribeAll(IEnumerable<NextStep> steps) => string.Join(", or ", steps.Select(step => step.Describe()));
}
