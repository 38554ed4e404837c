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

    /// <summary>
    /// The index of the first item of <paramref name="sorted"/> that is <paramref name="same"/> as the one before it,
    /// or -1: in a sorted list, a value held twice stands next to itself.
    /// </summary>
    public static int FirstRepeat<T>(List<T> sorted, Func<T, T, bool> same)
    {
        for (var i = 1; i < sorted.Count; i++)
        {
            if (same(sorted[i - 1], sorted[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
