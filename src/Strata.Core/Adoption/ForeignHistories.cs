namespace Strata.Core.Adoption;

/// <summary>The other tools' history tables of a database, and what they record.</summary>
/// <param name="Detected">Every table with the shape of another tool's history, in use or not.</param>
/// <param name="InUse">Those that record something adopt acts on (<see cref="ForeignHistory.RecordsAny"/>, or any row).</param>
/// <param name="Baselines">Those in use that record only a baseline (<see cref="ForeignHistory.OnlyBaseline"/>).</param>
internal sealed record ForeignHistories(
    IReadOnlyList<ForeignHistoryTable> Detected, IReadOnlyList<ForeignHistoryTable> InUse, IReadOnlyList<ForeignHistoryTable> Baselines)
{
    /// <summary>The tables detected but not in use, with the tables their tools keep beside them: none of them is the application's.</summary>
    public IEnumerable<ForeignHistoryTable> Unused => Detected.Except(InUse).SelectMany(t => t.Companions());
}
