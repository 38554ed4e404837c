namespace Strata.Core.Schema;

/// <summary>The step of a migration's round trip that <c>verify</c> found wrong.</summary>
internal enum VerifyStep
{
    /// <summary>The up section failed on a database at the previous migration's schema.</summary>
    Up,

    /// <summary>The down section failed, is missing, or did not restore the previous migration's schema.</summary>
    Down,

    /// <summary>The up section failed after its down, or produced a different schema the second time.</summary>
    Reapply,

    /// <summary>The final schema differs from the schema file.</summary>
    SchemaFile,

    /// <summary>A seed file failed on the fully migrated schema.</summary>
    Seed,
}
