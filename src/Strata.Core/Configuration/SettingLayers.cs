using Strata.Core.Connections;

namespace Strata.Core.Configuration;

/// <summary>
/// Picks each setting's value from the highest layer that gives one (explicit &gt; environment variable &gt;
/// strata.json environment &gt; strata.json top level &gt; default) and parses it with the setting's one parser.
/// Problems are collected, not thrown, so that every bad value is reported together.
/// </summary>
internal sealed class SettingLayers(
    IReadOnlyDictionary<string, SettingLayers.Given> explicitValues, IReadOnlyDictionary<string, string> variables)
{
    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Problems => _problems.Distinct(StringComparer.Ordinal).ToList();

    /// <summary>A value from one layer: text to parse, or an already typed value given by code.</summary>
    internal sealed record Given(string? Text, object? Value, SettingSource Source, string Origin);

    /// <summary>A value read from strata.json, with where in the file it was.</summary>
    internal sealed record FromFile(string? Text, string Origin);

    public Given? Find(SettingDefinition setting, string? variable, params FromFile?[] fromFile)
    {
        if (explicitValues.TryGetValue(setting.Name, out var given))
        {
            return given;
        }

        if (variable is not null && EnvironmentVariables.Get(variables, variable) is { } text)
        {
            return new Given(text, null, SettingSource.EnvironmentVariable, EnvironmentVariables.Origin(variables, variable));
        }

        return fromFile.FirstOrDefault(f => f?.Text is not null) is { } file
            ? new Given(file.Text, null, SettingSource.ConfigFile, file.Origin)
            : null;
    }

    public Setting<T> Typed<T>(
        SettingDefinition setting, Func<string, (T Value, string? Problem)> parse, T fallback, Func<T, string?>? check = null, params FromFile?[] fromFile) =>
        Typed(Find(setting, setting.Variable, fromFile), setting, parse, fallback, check);

    public Setting<T> Typed<T>(
        Given? given, SettingDefinition setting, Func<string, (T Value, string? Problem)> parse, T fallback, Func<T, string?>? check = null)
    {
        if (given is null)
        {
            return new Setting<T>(fallback, SettingSource.Default, "default");
        }

        var (value, problem) = given.Value is T typed ? (typed, null) : parse(given.Text!);
        problem ??= check?.Invoke(value);
        if (problem is not null)
        {
            Report(given.Origin, given.Text ?? SettingText.Format(value), problem);
            return new Setting<T>(fallback, given.Source, given.Origin);
        }

        return new Setting<T>(value, given.Source, given.Origin);
    }

    /// <summary>A path: relative ones start at the working directory (explicit, variable) or are already absolute (file).</summary>
    public Setting<string> Path(SettingDefinition setting, string workingDirectory, string defaultBase, params FromFile?[] fromFile)
    {
        var given = Find(setting, setting.Variable, fromFile);
        if (given is null)
        {
            return new Setting<string>(System.IO.Path.GetFullPath(setting.DefaultText!, defaultBase), SettingSource.Default, "default");
        }

        var text = given.Value switch
        {
            string one => one,
            IReadOnlyList<string> several => several[0],
            _ => given.Text!,
        };
        return new Setting<string>(System.IO.Path.GetFullPath(text, workingDirectory), given.Source, given.Origin);
    }

    /// <summary>
    /// Every path of a setting that may be given several times (a repeated flag, a list from code): the first is
    /// <paramref name="first"/>, already resolved by <see cref="Path"/>; the others resolve the same way.
    /// </summary>
    public IReadOnlyList<string> Paths(SettingDefinition setting, Setting<string> first, string workingDirectory)
    {
        var given = Find(setting, variable: null);
        return given?.Value is IReadOnlyList<string> { Count: > 1 } several
            ? [first.Value, .. several.Skip(1).Select(p => System.IO.Path.GetFullPath(p, workingDirectory))]
            : [first.Value];
    }

    /// <summary>Text passed on as given (connection inputs the resolver interprets).</summary>
    public Setting<string?> Text(SettingDefinition setting, string? variable)
    {
        var given = Find(setting, variable);
        return given is null
            ? new Setting<string?>(null, SettingSource.Default, "default")
            : new Setting<string?>(given.Value as string ?? given.Text, given.Source, given.Origin);
    }

    /// <summary>Records a bad value, naming where it was: the one format of every settings error.</summary>
    public void Report(string origin, string text, string problem) => _problems.Add($"{origin} '{Shorten(text)}': {problem}");

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
