namespace Strata.Lint;

/// <summary>Where a dynamic lint runs the migrations, and which database it sizes their cost from.</summary>
public sealed record DynamicLintOptions
{
    /// <summary>
    /// A connection string (keyword form) to a server where the linter may create a scratch database and drop it
    /// afterwards. Nothing else on that server is touched.
    /// </summary>
    public required string ScratchServer { get; init; }

    /// <summary>
    /// The reference database: its schema (not its data) is copied to the scratch database, and its statistics size
    /// the cost of each lock, and its session settings (the options and search_path of its connection string, the
    /// defaults its server keeps for it, and the TimeZone a session there has) are the scratch database's. Null: the
    /// scratch database starts empty, the migrations before each linted one are applied to it, sizes are unknown
    /// (every blocking rewrite or scan is then an error), and the scratch server's own settings apply.
    /// </summary>
    public string? Reference { get; init; }

    /// <summary>
    /// The <c>statement_timeout</c> each migration runs with on the scratch database unless its file sets one, as
    /// <c>up</c> runs it; null leaves the server's setting. No other limit cuts a statement short.
    /// </summary>
    public TimeSpan? StatementTimeout { get; init; }
}
