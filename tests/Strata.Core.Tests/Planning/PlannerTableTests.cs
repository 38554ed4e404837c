namespace Strata.Core.Tests.Planning;

/// <summary>
/// The pure planner as a table: each row is a source (files), a history table, a command and the outcome it must
/// have. The notation is described on <see cref="LedgerSketch"/> and <see cref="PlannerCommand"/>.
/// </summary>
public sealed class PlannerTableTests
{
    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        // case,                                                   files,        history,        command,                       outcome
        { "a fresh database has every file pending",               "1 2 3",      "",             "states",                      "1 Pending, 2 Pending, 3 Pending" },
        { "recorded files with their checksum are applied",        "1 2 3",      "1 2 3",        "states",                      "1 Applied, 2 Applied, 3 Applied" },
        { "a gap below the newest row is out of order",            "1 2 3",      "1 3",          "states",                      "1 Applied, 2 OutOfOrder, 3 Applied" },
        { "a changed checksum is edited",                          "1 2",        "1~ 2",         "states",                      "1 Edited, 2 Applied" },
        { "a row without its file is missing",                     "1 2",        "1 2 3",        "states",                      "1 Applied, 2 Applied, 3 Missing" },
        { "an unfinished up is interrupted",                       "1 2",        "1 2r",         "states",                      "1 Applied, 2 Interrupted" },
        { "an unfinished down is interrupted",                     "1 2",        "1 2v",         "states",                      "1 Applied, 2 Interrupted" },
        { "an interrupted row counts as recorded for ordering",    "1 2 3",      "1 3r",         "states",                      "1 Applied, 2 OutOfOrder, 3 Interrupted" },
        { "a missing newer row puts older files out of order",     "1 2",        "1 5",          "states",                      "1 Applied, 2 OutOfOrder, 5 Missing" },
        { "stamped and baselined rows are applied",                "1 2 3",      "1b 2b 3s",     "states",                      "1 Applied, 2 Applied, 3 Applied" },
        { "versions compare as numbers, not text",                 "2 10",       "10",           "states",                      "2 OutOfOrder, 10 Applied" },
        { "an edited file that was interrupted is interrupted",    "1 2",        "1 2~r",        "states",                      "1 Applied, 2 Interrupted" },

        { "up applies every pending file in order",                "1 2 3",      "",             "up",                          "runs 1 2 3" },
        { "up applies only what is not applied",                   "1 2 3",      "1 2",          "up",                          "runs 3" },
        { "up on an applied database runs nothing",                "1 2 3",      "1 2 3",        "up",                          "runs nothing" },
        { "up to a version stops there",                           "1 2 3",      "",             "up to 2",                     "runs 1 2" },
        { "up by steps counts pending files",                      "1 2 3",      "1",            "up 1 steps",                  "runs 2" },
        { "up to an applied version runs nothing",                 "1 2 3",      "1 2",          "up to 1",                     "runs nothing" },
        { "up to a version with no file is a usage error",         "1 2 3",      "",             "up to 7",                     "refused (configuration)" },
        { "up to a missing migration is a usage error",            "1 3",        "1 2",          "up to 2",                     "refused (configuration)" },
        { "up refuses an out-of-order file and names it",          "1 2 3 4",    "1 3",          "up",                          "refused (validation): 2" },
        { "up names every out-of-order file",                      "1 2 3 4 5",  "1 4",          "up",                          "refused (validation): 2 3" },
        { "up applies out-of-order files when allowed",            "1 2 3 4",    "1 3",          "up allow-out-of-order",       "runs 2 4 | out-of-order 2" },
        { "a target below the gap leaves it alone",                "1 2 3 4",    "1 3",          "up to 1",                     "runs nothing" },
        { "one step into the gap is refused",                      "1 2 3 4",    "1 3",          "up 1 steps",                  "refused (validation): 2" },
        { "up refuses when an applied file was edited",            "1 2 3",      "1~ 2",         "up",                          "refused (validation): 1" },
        { "up accepts the new checksum when allowed",              "1 2 3",      "1~ 2",         "up allow-edited",             "runs 3 | accepts 1" },
        { "up refuses while a migration is interrupted",           "1 2 3",      "1 2r",         "up allow-out-of-order allow-edited", "refused (validation): 2" },
        { "a missing file does not stop up",                       "1 3",        "1 2",          "up",                          "runs 3 | missing 2" },
        { "up after a baseline applies what is newer",             "1 2 3",      "1b 2b",        "up",                          "runs 3" },
        { "a stamp above a gap makes the gap out of order",        "1 2 3",      "1 3s",         "up",                          "refused (validation): 2" },

        { "down reverts one migration by default",                 "1 2 3",      "1 2 3",        "down",                        "runs 3" },
        { "down by steps goes newest first",                       "1 2 3",      "1 2 3",        "down 2 steps",                "runs 3 2" },
        { "down to a version keeps that version",                  "1 2 3",      "1 2 3",        "down to 1",                   "runs 3 2" },
        { "down to 0 reverts everything",                          "1 2 3",      "1 2 3",        "down to 0",                   "runs 3 2 1" },
        { "down all reverts everything",                           "1 2 3",      "1 2 3",        "down all",                    "runs 3 2 1" },
        { "down to the current version runs nothing",              "1 2 3",      "1 2 3",        "down to 3",                   "runs nothing" },
        { "down to a version that is not applied is refused",      "1 2 3",      "1 2",          "down to 3",                   "refused (configuration)" },
        { "down on an empty history runs nothing",                 "1 2 3",      "",             "down all",                    "runs nothing" },
        { "down skips files that were never applied",              "1 2 3",      "1 3",          "down all",                    "runs 3 1" },
        { "down refuses a file without a down section",            "1 2- 3",     "1 2 3",        "down to 0",                   "refused (validation): 2" },
        { "a file without down outside the target is fine",        "1 2- 3",     "1 2 3",        "down",                        "runs 3" },
        { "down refuses a migration whose file is missing",        "1",          "1 5",          "down",                        "refused (validation): 5" },
        { "down refuses an edited migration it would revert",      "1 2 3",      "1 2 3~",       "down",                        "refused (validation): 3" },
        { "down reverts an edited migration when allowed",         "1 2 3",      "1 2 3~",       "down allow-edited",           "runs 3" },
        { "an edited migration outside the target is fine",        "1 2 3",      "1~ 2 3",       "down",                        "runs 3" },
        { "down refuses while a migration is interrupted",         "1 2 3",      "1 2 3v",       "down to 0",                   "refused (validation): 3" },
        { "down reverts a stamped migration with its down",        "1 2",        "1 2s",         "down",                        "runs 2" },

        { "an agreeing source and history are valid",              "1 2 3",      "1 2 3",        "validate",                    "valid" },
        { "validate reports every problem by version",             "1 2 4",      "1~ 3 4r",      "validate",                    "problems: Edited 1, OutOfOrder 2, Missing 3, Interrupted 4" },
        { "validate accepts out-of-order files when allowed",      "1 2 3",      "1 3",          "validate allow-out-of-order", "valid" },
        { "validate reports edited files even when allowed",       "1 2",        "1~ 2",         "validate allow-edited",       "problems: Edited 1" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Plans_each_case_as_its_row_says(string @case, string files, string history, string command, string outcome)
    {
        var ledger = LedgerSketch.Build(files, history);

        PlannerCommand.Run(ledger, command).ShouldBe(outcome, @case);
    }
}
