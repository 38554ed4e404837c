namespace Strata.Core.Lifecycle;

/// <summary>How <see cref="DatabaseLifecycle.ResetAsync"/> drops and sets the database up again.</summary>
internal sealed record ResetOptions
{
    /// <summary>End the other sessions connected to the database before dropping it (see <see cref="DropOptions.Force"/>).</summary>
    public bool Force { get; init; }

    /// <summary>Asked before the drop, as <see cref="DropOptions.Confirm"/>; null resets without asking.</summary>
    public Func<string, bool>? Confirm { get; init; }

    /// <summary>How the database is set up again once dropped.</summary>
    public SetupOptions Setup { get; init; } = new();
}
