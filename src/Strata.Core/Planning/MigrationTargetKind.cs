namespace Strata.Core.Planning;

/// <summary>The kinds of <see cref="MigrationTarget"/>.</summary>
public enum MigrationTargetKind
{
    /// <summary>Every pending migration (up), or every applied migration (down).</summary>
    All,

    /// <summary>Up to and including a version (up), or down to but excluding it (down).</summary>
    ToVersion,

    /// <summary>A number of migrations.</summary>
    Steps,
}
