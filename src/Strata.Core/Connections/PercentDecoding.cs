using System.Text;

namespace Strata.Core.Connections;

/// <summary>Decodes the %XX escapes of URL components as libpq does: strictly, as UTF-8, '+' left alone.</summary>
internal static class PercentDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="text"/>; <paramref name="component"/> names the URL part in errors (never its value).</summary>
    public static string Decode(string text, string component, string sourceName)
    {
        if (!text.Contains('%', StringComparison.Ordinal))
        {
            return text;
        }

        var bytes = new List<byte>(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var next = text.IndexOf('%', i);
            if (next < 0 || next > i)
            {
                // Copy the plain run in one piece so that surrogate pairs stay together.
                var end = next < 0 ? text.Length : next;
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i..end]));
                i = end;
                continue;
            }

            bytes.Add(DecodeEscape(text, i, component, sourceName));
            i += 3;
        }

        try
        {
            return StrictUtf8.GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            throw ConnectionStringErrors.Invalid(sourceName, $"the {component} holds percent-escapes that are not valid UTF-8");
        }
    }

    private static byte DecodeEscape(string text, int at, string component, string sourceName)
    {
        if (at + 2 >= text.Length || !char.IsAsciiHexDigit(text[at + 1]) || !char.IsAsciiHexDigit(text[at + 2]))
        {
            throw ConnectionStringErrors.Invalid(
                sourceName, $"the {component} holds a '%' that is not followed by two hex digits (write a literal % as %25)");
        }

        var value = Convert.ToByte(text.Substring(at + 1, 2), 16);
        if (value == 0)
        {
            throw ConnectionStringErrors.Invalid(sourceName, $"the {component} holds %00, which is not allowed");
        }

        return value;
    }
}
