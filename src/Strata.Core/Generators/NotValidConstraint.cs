using Strata.Core.Migrations;

namespace Strata.Core.Generators;

/// <summary>
/// A constraint added NOT VALID (no scan, so its lock is held for an instant) and validated by the next migration
/// (a scan under SHARE UPDATE EXCLUSIVE, which lets reads and writes go on): the steps <c>--add-foreign-key</c> and
/// <c>--set-not-null</c> begin with. The validation's down puts the constraint back NOT VALID, the state the first
/// step left, so <c>strata verify</c> passes the pair.
/// </summary>
/// <param name="Table">The constrained table.</param>
/// <param name="Name">The constraint's quoted name.</param>
/// <param name="Definition">What follows the name in <c>ADD CONSTRAINT</c>, without <c>NOT VALID</c>.</param>
/// <param name="Noun">What the explanations call it: <c>constraint</c>, <c>check</c>.</param>
internal sealed record NotValidConstraint(TableName Table, string Name, string Definition, string Noun)
{
    /// <summary>The statement that adds it NOT VALID.</summary>
    public string Add => $"ALTER TABLE {Table.Sql} ADD CONSTRAINT {Name} {Definition} NOT VALID;";

    /// <summary>The two steps, named <c>add_KIND_SLUG</c> and <c>validate_KIND_SLUG</c>.</summary>
    /// <param name="kind">What the file names call it, e.g. <c>foreign_key</c>.</param>
    /// <param name="slug">The tables and columns part of the file names.</param>
    /// <param name="added">What adding it does and which application versions may run meanwhile; the abort line is added.</param>
    /// <param name="validated">What validating it scans and which application versions may run meanwhile; the abort lines are added.</param>
    public GeneratedStep[] Steps(string kind, string slug, string added, string validated) =>
    [
        new GeneratedStep(
            $"add_{kind}_{slug}",
            MigrationPhase.Pre,
            $"""
            {added}
            Abort: strata down drops the {Noun}.
            """,
            Add,
            $"ALTER TABLE {Table.Sql} DROP CONSTRAINT {Name};"),
        new GeneratedStep(
            $"validate_{kind}_{slug}",
            MigrationPhase.Pre,
            $"""
            {validated}
            Abort: cancelling the scan leaves the {Noun} NOT VALID, as before. Afterwards, strata down puts it
            back NOT VALID (drops it and adds it again without a scan, each an instant lock).
            """,
            $"ALTER TABLE {Table.Sql} VALIDATE CONSTRAINT {Name};",
            $"""
            ALTER TABLE {Table.Sql} DROP CONSTRAINT {Name};
            {Add}
            """),
    ];
}
