using Strata.Scenarios.Support;

namespace Strata.Scenarios.Doors;

/// <summary>
/// One way in to Strata: the library API, the <c>strata</c> process or the ASP.NET Core host. Scenarios are written
/// against this interface once; each front door maps the calls onto its own surface, so a change of one surface
/// changes one adapter.
/// </summary>
public interface IFrontDoor
{
    /// <summary>The name scenarios are parameterised by.</summary>
    string Name { get; }

    /// <summary>
    /// Applies every pending migration, in the scene's environment unless another is named, waiting for another
    /// runner's migration lock for <paramref name="lockWait"/> (the default when null).
    /// </summary>
    Task<Outcome> UpAsync(Scene scene, bool allowOutOfOrder = false, string environment = Scene.Environment, TimeSpan? lockWait = null);

    /// <summary>Rolls back the applied migrations newer than <paramref name="version"/> (0 for all).</summary>
    Task<Outcome> DownAsync(Scene scene, string version);

    /// <summary>Reports the newest applied version and how many migrations are pending.</summary>
    Task<Outcome> StatusAsync(Scene scene);

    /// <summary>Records <paramref name="version"/> as applied without running it.</summary>
    Task<Outcome> StampAsync(Scene scene, string version);

    /// <summary>Resolves the interrupted migration: retry forgets the attempt, otherwise it is recorded as finished.</summary>
    Task<Outcome> RepairAsync(Scene scene, bool retry);

    /// <summary>Drops and sets up the database of <paramref name="environment"/> again.</summary>
    Task<Outcome> ResetAsync(Scene scene, string environment);
}
