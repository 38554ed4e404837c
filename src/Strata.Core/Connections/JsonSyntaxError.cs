using System.Text;
using System.Text.Json;

namespace Strata.Core.Connections;

/// <summary>
/// Says where and why a JSON text does not parse, in words of ours: the runtime's message speaks of its reader's
/// internals, counts the position in bytes, and is a bare resource key (<c>ZeroDepthAtEnd</c>) in a build trimmed with
/// <c>UseSystemResourceKeys</c>, so it is never shown.
/// </summary>
internal static class JsonSyntaxError
{
    /// <summary>"at line L, position P: reason", counted from 1 in characters, as an editor counts.</summary>
    public static string Describe(string json, JsonException error)
    {
        var line = (int)(error.LineNumber ?? 0);
        var at = 0;
        for (var i = 0; i < line && at < json.Length; i++)
        {
            var next = json.IndexOf('\n', at);
            at = next < 0 ? json.Length : next + 1;
        }

        // The runtime counts the position in UTF-8 bytes within the line.
        var bytes = error.BytePositionInLine ?? 0;
        var characters = 0;
        for (var counted = 0; counted < bytes && at < json.Length && json[at] != '\n'; at += Width(json, at), characters++)
        {
            counted += Encoding.UTF8.GetByteCount(json.AsSpan(at, Width(json, at)));
        }

        return $"at line {line + 1}, position {characters + 1}: {Reason(json, at)}";
    }

    private static string Reason(string json, int at)
    {
        if (json.AsSpan(at).IsWhiteSpace())
        {
            return "the text ends before the JSON does (a brace, bracket or quote is not closed, or a value is missing)";
        }

        var found = json.AsSpan(at, Width(json, at));
        return char.IsControl(found[0]) || char.IsWhiteSpace(found[0])
            ? $"unexpected character U+{(int)found[0]:X4}"
            : $"unexpected '{found}'";
    }

    private static int Width(string text, int at) => char.IsHighSurrogate(text[at]) && at + 1 < text.Length ? 2 : 1;
}
