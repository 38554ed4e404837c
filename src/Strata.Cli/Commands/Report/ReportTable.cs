namespace Strata.Cli.Commands.Report;

/// <summary>One table of the live schema, from the catalog model.</summary>
/// <param name="Name">The qualified name: <c>public.orders</c>.</param>
/// <param name="Columns">Its columns in order.</param>
/// <param name="Indexes">How many indexes it has.</param>
/// <param name="Constraints">How many constraints it has.</param>
internal sealed record ReportTable(string Name, IReadOnlyList<ReportColumn> Columns, int Indexes, int Constraints);

/// <summary>One column of a <see cref="ReportTable"/>.</summary>
/// <param name="Name">The column name, quoted where needed.</param>
/// <param name="Type">Its type as <c>format_type</c> prints it.</param>
/// <param name="NotNull">True when it is NOT NULL.</param>
internal sealed record ReportColumn(string Name, string Type, bool NotNull);
