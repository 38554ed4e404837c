namespace Strata.Core.Execution;

/// <summary>Which section of a migration runs.</summary>
public enum MigrationDirection
{
    /// <summary>The up section: apply.</summary>
    Up,

    /// <summary>The down section: roll back.</summary>
    Down,
}
