namespace Strata.Core.Errors;

/// <summary>
/// An operation of <c>strata new</c> was given arguments it cannot write migrations for: a malformed
/// <c>TABLE.COLUMN</c>, a name longer than PostgreSQL allows, operations that cannot be combined, or a fact (such as
/// a column's type) that neither the database nor an option could supply.
/// </summary>
public sealed class GeneratorArgumentException : StrataException
{
    /// <summary>Creates the error with a one-line, secret-free message.</summary>
    public GeneratorArgumentException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override string Code => "generator-argument";
}
