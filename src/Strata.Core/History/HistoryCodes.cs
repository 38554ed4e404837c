using Strata.Core.Migrations;

namespace Strata.Core.History;

/// <summary>The text stored in the history table for each status, origin and phase.</summary>
internal static class HistoryCodes
{
    public const string Applied = "applied";
    public const string Running = "running";
    public const string Reverting = "reverting";

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

    public static HistoryStatus ParseStatus(string text) =>
        Enum.GetValues<HistoryStatus>().FirstOrDefault(s => Of(s) == text, (HistoryStatus)(-1)) is var status && status >= 0
            ? status
            : throw new InvalidDataException($"Unknown history status '{text}'.");

    public static HistoryOrigin ParseOrigin(string text) =>
        Enum.GetValues<HistoryOrigin>().FirstOrDefault(o => Of(o) == text, (HistoryOrigin)(-1)) is var origin && origin >= 0
            ? origin
            : throw new InvalidDataException($"Unknown history origin '{text}'.");
}
