namespace Strata.Lint.Parsing;

/// <summary>
/// The typed view of one parsed statement that the rules read; statements no rule needs are <see cref="OtherNode"/>.
/// </summary>
internal abstract record StatementNode
{
    /// <summary>Every string literal in the statement, for rules that look for a value's use.</summary>
    public IReadOnlyList<string> StringLiterals { get; init; } = [];

    /// <summary>The functions the statement calls anywhere in it (last name part, lower case), in the order they appear.</summary>
    public IReadOnlyList<string> FunctionsCalled { get; init; } = [];

    /// <summary>True when the statement calls <c>nextval</c> or <c>setval</c>: it gives the session a sequence value.</summary>
    public bool TakesSequenceValue => FunctionsCalled.Any(f => f is "nextval" or "setval");

    /// <summary>
    /// The UPDATEs and DELETEs in the statement's <c>WITH</c> clause (<c>WITH moved AS (DELETE FROM ... RETURNING *)
    /// INSERT ...</c>): they change rows like statements of their own, whatever the statement around them is.
    /// </summary>
    public IReadOnlyList<DataChangeNode> ModifyingCtes { get; init; } = [];

    /// <summary>The statement itself when it is an UPDATE or DELETE, then the UPDATEs and DELETEs of its WITH clause.</summary>
    public IEnumerable<DataChangeNode> DataChanges => this is DataChangeNode self ? ModifyingCtes.Prepend(self) : ModifyingCtes;
}
