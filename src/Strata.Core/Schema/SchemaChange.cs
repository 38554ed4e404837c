namespace Strata.Core.Schema;

/// <summary>How an object differs between the first schema of a comparison and the second.</summary>
internal enum SchemaChange
{
    /// <summary>The object exists only in the second schema.</summary>
    Added,

    /// <summary>The object exists only in the first schema.</summary>
    Removed,

    /// <summary>The object exists in both, with different attributes.</summary>
    Changed,
}
