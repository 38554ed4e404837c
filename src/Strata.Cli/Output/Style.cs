namespace Strata.Cli.Output;

/// <summary>ANSI styling that turns itself off when colour is not wanted (not a terminal, NO_COLOR, --no-color).</summary>
internal sealed class Style(bool enabled)
{
    public bool Enabled { get; } = enabled;

    public string Bold(string text) => Wrap("1", text);

    public string Dim(string text) => Wrap("2", text);

    public string Red(string text) => Wrap("31", text);

    public string Green(string text) => Wrap("32", text);

    public string Yellow(string text) => Wrap("33", text);

    public string Cyan(string text) => Wrap("36", text);

    private string Wrap(string code, string text) => Enabled ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
