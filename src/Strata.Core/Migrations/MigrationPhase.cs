namespace Strata.Core.Migrations;

/// <summary>
/// When a migration runs relative to the deploy of the application (see docs/zero-downtime.md): before the new version
/// starts, or after the old version has stopped.
/// </summary>
public enum MigrationPhase
{
    /// <summary>Before the deploy (the default): the change must work with the version of the app still running.</summary>
    Pre,

    /// <summary>After the deploy (<c>-- migrate:up phase:post</c>): removes what only the old version of the app needed.</summary>
    Post,
}
