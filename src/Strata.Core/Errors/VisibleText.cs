using System.Globalization;
using System.Text;

namespace Strata.Core.Errors;

/// <summary>
/// Names and values shown in a line of output: a control character (a line break in a quoted identifier, an escape)
/// is written as its escape, <c>\u000a</c>, so that nothing splits the line or reaches a terminal as a control sequence.
/// </summary>
internal static class VisibleText
{
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
