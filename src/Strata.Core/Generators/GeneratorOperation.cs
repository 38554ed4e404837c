namespace Strata.Core.Generators;

/// <summary>The expand/contract sequences <c>strata new</c> can write.</summary>
internal enum GeneratorOperation
{
    /// <summary><c>--rename-column TABLE.OLD NEW</c>.</summary>
    RenameColumn,

    /// <summary><c>--rename-table OLD NEW</c>.</summary>
    RenameTable,

    /// <summary><c>--change-type TABLE.COL TYPE</c>.</summary>
    ChangeType,

    /// <summary><c>--set-not-null TABLE.COL</c>.</summary>
    SetNotNull,

    /// <summary><c>--add-foreign-key TABLE.COL REFTABLE[.REFCOL]</c>.</summary>
    AddForeignKey,

    /// <summary><c>--add-unique TABLE.COL[,COL...]</c>.</summary>
    AddUnique,

    /// <summary><c>--add-index TABLE.COL[,COL...]</c>.</summary>
    AddIndex,
}
