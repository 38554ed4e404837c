namespace Strata.Cli.Tests.BadInput;

/// <summary>
/// One bad input and the exit code docs/exit-codes.md documents for it. In <see cref="Args"/> and the variables,
/// <c>{dead}</c> stands for a database URL on a closed loopback port and <c>{db}</c> for a fresh test database.
/// </summary>
public sealed record BadInputCase(string Name, int Exit, string[] Args)
{
    /// <summary>Files to write under the working directory before the run (path relative to it, content).</summary>
    public (string Path, string Content)[] Files { get; init; } = [];

    /// <summary>Raw bytes to write, for inputs that are not text.</summary>
    public (string Path, byte[] Content)[] Bytes { get; init; } = [];

    /// <summary>Environment variables of the run.</summary>
    public (string Name, string Value)[] Variables { get; init; } = [];

    /// <summary>Whether the case needs a real database (given as DATABASE_URL unless the variables say otherwise).</summary>
    public bool Database { get; init; }

    /// <summary>SQL run on the database after a first successful <c>up</c>, to spoil its history.</summary>
    public string? AfterUp { get; init; }

    /// <summary>SQL run on the fresh database before anything, to give it another tool's history or tables.</summary>
    public string? Before { get; init; }

    /// <summary>Extra set-up on the working directory (symbolic links, sparse files).</summary>
    public Action<string>? Prepare { get; init; }

    public override string ToString() => Name;
}
