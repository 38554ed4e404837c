namespace Strata.Core.Sql;

/// <summary>
/// What the splitter remembers about the statement it is inside of, to decide the same way psql does whether a
/// semicolon ends it: not inside parentheses (a rule's <c>DO (...; ...)</c>), and not inside the
/// <c>BEGIN ATOMIC ... END</c> body of a <c>CREATE [OR REPLACE] FUNCTION|PROCEDURE</c>. It also spots
/// <c>COPY ... FROM STDIN</c>, whose data lines would follow in the file.
/// </summary>
internal struct SqlStatementContext
{
    private const int TrackedWords = 4;

    private int _wordCount;
    private int _routineWords; // which of the words of CREATE [OR REPLACE] FUNCTION|PROCEDURE were seen in place
    private bool _isCopy;
    private bool _afterFrom;

    public int ParenthesisDepth { get; private set; }

    public int BeginDepth { get; private set; }

    /// <summary>Whether a semicolon here would end the statement.</summary>
    public readonly bool AtTopLevel => ParenthesisDepth == 0 && BeginDepth == 0;

    /// <summary>Records a word; returns true when it completes <c>COPY ... FROM STDIN</c>.</summary>
    public bool OnWord(ReadOnlySpan<char> word)
    {
        if (_wordCount < TrackedWords)
        {
            _routineWords |= RoutineWordBit(_wordCount, word);
        }

        if (_wordCount == 0)
        {
            _isCopy = Is(word, "copy");
        }

        _wordCount++;
        if (IsRoutine && ParenthesisDepth == 0)
        {
            TrackBeginEnd(word);
        }

        var completesCopyFromStdin = _isCopy && _afterFrom && Is(word, "stdin");
        // Inside parentheses FROM belongs to COPY's query: COPY (SELECT * FROM stdin) TO STDOUT reads a table.
        _afterFrom = _isCopy && ParenthesisDepth == 0 && Is(word, "from");
        return completesCopyFromStdin;
    }

    /// <summary>Records any token that is not a word.</summary>
    public void OnSymbol(char symbol)
    {
        _afterFrom = false;
        if (symbol == '(')
        {
            ParenthesisDepth++;
        }
        else if (symbol == ')' && ParenthesisDepth > 0)
        {
            ParenthesisDepth--;
        }
    }

    /// <summary>Records a token that is neither a word nor a symbol (a literal, a quoted identifier).</summary>
    public void OnOther() => _afterFrom = false;

    // CREATE FUNCTION|PROCEDURE, or CREATE OR REPLACE FUNCTION|PROCEDURE.
    private readonly bool IsRoutine => (_routineWords & 0b11) == 0b11 || (_routineWords & 0b11101) == 0b11101;

    private static int RoutineWordBit(int index, ReadOnlySpan<char> word) => index switch
    {
        0 when Is(word, "create") => 1 << 0,
        1 when IsRoutineKind(word) => 1 << 1,
        1 when Is(word, "or") => 1 << 4,
        2 when Is(word, "replace") => 1 << 2,
        3 when IsRoutineKind(word) => 1 << 3,
        _ => 0,
    };

    private static bool IsRoutineKind(ReadOnlySpan<char> word) => Is(word, "function") || Is(word, "procedure");

    private void TrackBeginEnd(ReadOnlySpan<char> word)
    {
        if (Is(word, "begin"))
        {
            BeginDepth++;
        }
        else if (Is(word, "case") && BeginDepth > 0)
        {
            // CASE also closes with END, but only matters once inside the body.
            BeginDepth++;
        }
        else if (Is(word, "end") && BeginDepth > 0)
        {
            BeginDepth--;
        }
    }

    private static bool Is(ReadOnlySpan<char> word, string keyword) => word.Equals(keyword, StringComparison.OrdinalIgnoreCase);
}
