namespace Strata.Core.Errors;

/// <summary>What a person can do next after Strata refused or stopped. Each front end words it its own way.</summary>
public enum NextStepKind
{
    /// <summary>Run again accepting applied migrations whose file changed, recording the new checksum.</summary>
    AllowEdited,

    /// <summary>Run again applying pending migrations older than the newest applied one.</summary>
    AllowOutOfOrder,

    /// <summary>Inspect the interrupted migration <see cref="NextStep.Version"/> and resolve it with repair.</summary>
    Repair,

    /// <summary>Remove the history row of migration <see cref="NextStep.Version"/>, whose file is gone.</summary>
    Unstamp,

    /// <summary>Wait longer for another run's migration lock; <see cref="NextStep.Value"/> suggests a wait.</summary>
    RaiseLockWait,

    /// <summary>List the sessions connected to the database.</summary>
    ListSessions,

    /// <summary>Drop the database after ending the other sessions connected to it.</summary>
    DropEndingSessions,

    /// <summary>Create the database from the template named in <see cref="NextStep.Value"/>.</summary>
    CreateFromTemplate,

    /// <summary>Name another seeds directory.</summary>
    ChooseSeedsDirectory,

    /// <summary>Name another schema file.</summary>
    ChooseSchemaFile,

    /// <summary>Write the schema file from a database.</summary>
    DumpSchema,

    /// <summary>Drop the database and create it again, empty.</summary>
    RecreateDatabase,

    /// <summary>Run the seed files on their own.</summary>
    Seed,

    /// <summary>Stop the local PostgreSQL cluster.</summary>
    StopLocalCluster,

    /// <summary>Delete the local PostgreSQL cluster and its data.</summary>
    DestroyLocalCluster,

    /// <summary>Show which settings are in effect and where each comes from.</summary>
    ShowSettings,

    /// <summary>Say which database to use, as a URL.</summary>
    GiveDatabaseUrl,

    /// <summary>Choose an environment of the configuration file.</summary>
    ChooseEnvironment,

    /// <summary>Import another migration tool's history, whose versions map to the migration files.</summary>
    Adopt,

    /// <summary>Import another tool's history by naming the newest migration file the database already contains.</summary>
    AdoptUpTo,

    /// <summary>Record every migration up to the newest one the existing schema already contains, without running them.</summary>
    Baseline,

    /// <summary>Record one migration as applied without running it; <see cref="NextStep.Version"/> when known.</summary>
    Stamp,

    /// <summary>Show which migrations are applied and pending.</summary>
    ShowStatus,

    /// <summary>Apply the pending pre-deploy migrations first.</summary>
    ApplyPreDeploy,

    /// <summary>Run up, which resumes the batched backfill migration <see cref="NextStep.Version"/> stopped in after its last committed batch.</summary>
    ResumeBackfill,
}
