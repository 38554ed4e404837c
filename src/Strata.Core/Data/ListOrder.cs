namespace Strata.Core.Data;

/// <summary>
/// Sorts a list only when it is out of order. Migrations mostly arrive sorted (a directory's files by name, the history
/// by version), and checking costs one comparison an item where sorting costs about ten.
/// </summary>
internal static class ListOrder
{
    /// <summary>Sorts <paramref name="items"/> in place by <paramref name="compare"/>, unless they are in order already.</summary>
    public static void SortIfNeeded<T>(List<T> items, Comparison<T> compare)
    {
        for (var i = 1; i < items.Count; i++)
        {
            if (compare(items[i - 1], items[i]) > 0)
            {
                items.Sort(compare);
                return;
            }
        }
    }
}
