using System.Globalization;

namespace Strata.Cli.Output;

/// <summary>
/// Draws a progress event that carries a <c>percent</c> as a bar redrawn in place on a terminal's stderr, so a long
/// backfill shows one moving line rather than a scroll of them.
/// </summary>
internal static class ProgressBar
{
    private const int Width = 30;

    /// <summary>Carriage return and erase-line: the next text replaces the bar.</summary>
    public const string Clear = "\r\u001b[K";

    /// <summary>The percent an event carries for a bar, or null when it has none.</summary>
    public static double? PercentOf(JsonObject? fields) =>
        fields?["percent"] is JsonValue value && value.TryGetValue<double>(out var percent) ? Math.Clamp(percent, 0, 100) : null;

    /// <summary>The bar for <paramref name="percent"/> followed by the event's message, without a line break.</summary>
    public static string Render(double percent, string message)
    {
        var filled = (int)Math.Round(percent / 100 * Width);
        return "[" + new string('#', filled) + new string('.', Width - filled) + "] " +
            percent.ToString("0", CultureInfo.InvariantCulture).PadLeft(3) + "% " + message;
    }
}
