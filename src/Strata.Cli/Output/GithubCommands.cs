using System.Text;

namespace Strata.Cli.Output;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=...,line=...::message</c>), escaped as the runner expects: the
/// message escapes <c>%</c>, CR and LF; property values also escape <c>:</c> and <c>,</c>.
/// </summary>
internal static class GithubCommands
{
    /// <summary>An annotation; properties whose value is null are left out.</summary>
    public static string Annotation(string level, string message, string? file = null, int? line = null, int? column = null, string? title = null)
    {
        var properties = new List<string>();
        Add(properties, "file", file);
        Add(properties, "line", line?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(properties, "col", column?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(properties, "title", title);
        var head = properties.Count == 0 ? "::" + level : "::" + level + " " + string.Join(',', properties);
        return head + "::" + EscapeData(message);
    }

    public static string EscapeData(string value) => new StringBuilder(value)
        .Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A").ToString();

    public static string EscapeProperty(string value) => new StringBuilder(EscapeData(value))
        .Replace(":", "%3A").Replace(",", "%2C").ToString();

    /// <summary>A path as the annotation needs it: relative to the workspace (or working directory) with forward slashes.</summary>
    public static string RelativePath(string file, string workspace)
    {
        if (!Path.IsPathRooted(file))
        {
            return file.Replace('\\', '/');
        }

        var relative = Path.GetRelativePath(workspace, file);
        return (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? file : relative).Replace('\\', '/');
    }

    private static void Add(List<string> properties, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            properties.Add(name + "=" + EscapeProperty(value));
        }
    }
}
