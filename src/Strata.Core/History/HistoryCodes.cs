using Strata.Core.Migrations;

namespace Strata.Core.History;

/// <summary>The text stored in the history table for each status, origin and phase.</summary>
internal static class HistoryCodes
{
    public const string Applied = "applied";
    public const string Running = "running";
    public const string Reverting = "reverting";

    // Parsed for every row of every read: the values are listed once, not once a row.
    private static readonly HistoryStatus[] Statuses = Enum.GetValues<HistoryStatus>();
    private static readonly HistoryOrigin[] Origins = Enum.GetValues<HistoryOrigin>();

    public static string Of(HistoryStatus status) => status switch
    {
        HistoryStatus.Applied => Applied,
        HistoryStatus.Running => Running,
        HistoryStatus.Reverting => Reverting,
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Of(HistoryOrigin origin) => origin switch
    {
        HistoryOrigin.Run => "run",
        HistoryOrigin.Stamp => "stamp",
        HistoryOrigin.Baseline => "baseline",
        HistoryOrigin.Repair => "repair",
        HistoryOrigin.EditedAccepted => "edited-accepted",
        _ => throw new ArgumentOutOfRangeException(nameof(origin)),
    };

    public static string Of(MigrationPhase phase) => phase switch
    {
        MigrationPhase.Pre => "pre",
        MigrationPhase.Post => "post",
        _ => throw new ArgumentOutOfRangeException(nameof(phase)),
    };

    /// <summary>The phase of a row; a row written before phases existed has none and ran before the deploy.</summary>
    public static MigrationPhase ParsePhase(string? text) => text switch
    {
        null or "pre" => MigrationPhase.Pre,
        "post" => MigrationPhase.Post,
        _ => throw new InvalidDataException($"Unknown history phase '{text}'."),
    };

    public static HistoryStatus ParseStatus(string text) => Parse(Statuses, Of, text, "status");

    public static HistoryOrigin ParseOrigin(string text) => Parse(Origins, Of, text, "origin");

    private static TCode Parse<TCode>(TCode[] codes, Func<TCode, string> textOf, string text, string kind)
        where TCode : struct, Enum
    {
        foreach (var code in codes)
        {
            if (textOf(code) == text)
            {
                return code;
            }
        }

        throw new InvalidDataException($"Unknown history {kind} '{text}'.");
    }
}
