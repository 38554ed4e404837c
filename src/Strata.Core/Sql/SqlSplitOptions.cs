namespace Strata.Core.Sql;

/// <summary>Where the text given to <see cref="SqlSplitter.Split"/> comes from, for positions and error messages.</summary>
internal sealed record SqlSplitOptions
{
    /// <summary>The file the text comes from, named in error messages; null when it has none.</summary>
    public string? FileName { get; init; }

    /// <summary>What kind of file the text is, as messages name it: <c>migration</c>, <c>schema file</c>, <c>seed file</c>.</summary>
    public string Kind { get; init; } = "migration";

    /// <summary>The 1-based file line of the text's first character (a migration section starts mid-file).</summary>
    public int FirstLine { get; init; } = 1;

    /// <summary>The 1-based file column of the text's first character.</summary>
    public int FirstColumn { get; init; } = 1;
}
