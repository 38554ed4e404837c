using System.Collections;
using System.Globalization;

namespace Strata.Core.Secrets;

/// <summary>
/// A log entry's state with its message and values passed through <see cref="SecretRedactor.Redact"/>: a logger that
/// writes the values as fields (a JSON console, a log shipper) sees the same masked text as one that writes the message.
/// </summary>
internal sealed class RedactedLogState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private const string OriginalFormat = "{OriginalFormat}";
    private readonly KeyValuePair<string, object?>[] _values;

    private RedactedLogState(string message, KeyValuePair<string, object?>[] values)
    {
        Message = message;
        _values = values;
    }

    /// <summary>The formatted message, redacted.</summary>
    public string Message { get; }

    public int Count => _values.Length;

    public KeyValuePair<string, object?> this[int index] => _values[index];

    /// <summary>Formats <paramref name="state"/> as its logger would and redacts the message and each value.</summary>
    public static RedactedLogState From<TState>(TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var message = SecretRedactor.Redact(formatter(state, exception));
        var values = state is IReadOnlyList<KeyValuePair<string, object?>> list
            ? list.Select(v => v.Key == OriginalFormat ? v : new KeyValuePair<string, object?>(v.Key, Redacted(v.Value))).ToArray()
            : [];
        return new RedactedLogState(message, values);
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Message;

    // Numbers, flags and times cannot hold a secret and keep their type; anything else is written as redacted text.
    private static object? Redacted(object? value) => value switch
    {
        null or bool or int or long or short or byte or double or float or decimal or Guid or TimeSpan or DateTime or DateTimeOffset or Enum => value,
        string text => SecretRedactor.Redact(text),
        IEnumerable items => items.Cast<object?>().Select(i => SecretRedactor.Redact(Convert.ToString(i, CultureInfo.InvariantCulture))).ToArray(),
        _ => SecretRedactor.Redact(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };
}
