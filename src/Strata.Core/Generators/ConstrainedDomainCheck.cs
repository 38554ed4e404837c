using Npgsql;
using Strata.Core.Errors;

namespace Strata.Core.Generators;

/// <summary>
/// Refuses a rename or type change whose expand step would add a column of a domain with a NOT NULL or CHECK
/// constraint. PostgreSQL checks such a column against every existing row as it adds it: it rewrites the table under
/// ACCESS EXCLUSIVE, or, for NOT NULL without a default, fails on the first row; the expand step must do neither.
/// </summary>
internal static class ConstrainedDomainCheck
{
    /// <param name="dataSource">The database that resolves the type.</param>
    /// <param name="request">The operation.</param>
    /// <param name="columnType">The column's type read from the database, when it was read.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="GeneratorArgumentException">The added column would be of such a domain.</exception>
    /// <exception cref="NpgsqlException">The database cannot be reached or queried.</exception>
    public static async Task CheckAsync(
        NpgsqlDataSource dataSource, GeneratorRequest request, string? columnType, CancellationToken cancellationToken)
    {
        if (MigrationGenerator.ColumnAdded(request, columnType) is { } added
            && await DomainConstraintReader.ReadAsync(dataSource, added.Type, cancellationToken) is { } domain)
        {
            throw new GeneratorArgumentException(Message(request, added.Column, domain));
        }
    }

    private static string Message(GeneratorRequest request, ColumnName column, DomainConstraint domain)
    {
        var declarer = domain.Declarer == domain.Domain ? "" : $", based on the domain {domain.Declarer}";
        var constraint = domain.NotNull ? "is NOT NULL" : "has a CHECK constraint";
        var effect = domain.RejectsNull
            ? $"adding it fails on the first row of {column.Table}, and so do the old version's INSERTs that leave it out"
            : $"adding it makes PostgreSQL check every row of {column.Table}, rewriting it under an ACCESS EXCLUSIVE lock";
        var instead = request.Operation == GeneratorOperation.ChangeType
            ? $"change the type to '{domain.BaseType}'"
            : $"pass {request.ColumnTypeName} '{domain.BaseType}'";
        return $"{request.OperationName}: {column} would be of the domain {domain.Domain}{declarer}, which {constraint}: {effect}; "
            + $"{instead} (the domain's base type) and apply {domain.Domain} to the column later, in a quiet window";
    }
}
