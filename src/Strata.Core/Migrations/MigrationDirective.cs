namespace Strata.Core.Migrations;

/// <summary>A <c>-- migrate:up</c> or <c>-- migrate:down</c> line of a migration file.</summary>
/// <param name="IsUp">Whether it opens the up section.</param>
/// <param name="Line">Its 1-based line in the file.</param>
/// <param name="LineStart">The offset of the line's first character.</param>
/// <param name="SectionStart">The offset just past the line's line break, where the section's SQL begins.</param>
/// <param name="Options">The options written after the verb.</param>
internal sealed record MigrationDirective(bool IsUp, int Line, int LineStart, int SectionStart, MigrationOptions Options)
{
    /// <summary>The directive as written in messages.</summary>
    public string Name => IsUp ? "'-- migrate:up'" : "'-- migrate:down'";
}
