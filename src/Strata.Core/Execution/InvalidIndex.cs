namespace Strata.Core.Execution;

/// <summary>An index left INVALID by a failed <c>CREATE INDEX CONCURRENTLY</c>: it costs writes and serves no reads.</summary>
/// <param name="Schema">The index's schema.</param>
/// <param name="Name">The index's name.</param>
/// <param name="Table">The table it indexes.</param>
internal sealed record InvalidIndex(string Schema, string Name, string Table)
{
    /// <inheritdoc />
    public override string ToString() => $"{Schema}.{Name} on {Table}";
}
