namespace Strata.AspNetCore.Health;

/// <summary>Names under which <c>AddStrata</c> registers its health check.</summary>
public static class StrataHealth
{
    /// <summary>The name of the database readiness check.</summary>
    public const string CheckName = "strata-database";

    /// <summary>
    /// The tag of the checks <c>/health/ready</c> runs. Tag a check of your own with it (for example a cache) to make
    /// readiness depend on it too.
    /// </summary>
    public const string ReadyTag = "ready";

    /// <summary>The default path of the liveness endpoint.</summary>
    public const string LivePath = "/health/live";

    /// <summary>The default path of the readiness endpoint.</summary>
    public const string ReadyPath = "/health/ready";
}
