using Strata.Core.Connections;
using Strata.Core.Errors;
using Strata.Core.Secrets;

namespace Strata.Core.Configuration;

/// <summary>
/// Reads a dotenv file (<c>NAME=value</c> lines, as dbmate and most twelve-factor tools read them) into variables
/// that sit under the real environment: a variable the process already has is never replaced.
/// </summary>
internal static class DotEnvFile
{
    /// <summary>The file read from the working directory when no other is named.</summary>
    public const string DefaultName = ".env";

    // Values of variables with these words in their names are secrets: they are redacted from every message.
    private static readonly string[] SecretWords = ["PASSWORD", "SECRET", "TOKEN", "KEY", "DATABASE_URL"];

    /// <summary>
    /// The real variables over those of the file: <paramref name="path"/> when given (it must exist), else
    /// <c>.env</c> in <paramref name="workingDirectory"/> when present.
    /// </summary>
    /// <exception cref="ConfigurationException">The file named is missing, or a file cannot be read or has a malformed line.</exception>
    public static async Task<IReadOnlyDictionary<string, string>> OverlayAsync(
        IReadOnlyDictionary<string, string> variables, string? path, string origin, string workingDirectory, CancellationToken cancellationToken)
    {
        var file = Path.GetFullPath(path ?? DefaultName, workingDirectory);
        if (path is null && !File.Exists(file))
        {
            return variables;
        }

        if (path is not null && !File.Exists(file))
        {
            throw new ConfigurationException($"The environment file {file} given by {origin} {FileErrorText.WhyNotAFile(file)}.");
        }

        string text;
        try
        {
            text = await File.ReadAllTextAsync(file, cancellationToken);
        }
        catch (Exception e) when (FileErrorText.IsFileError(e))
        {
            var given = path is null ? "" : $" given by {origin}";
            throw new ConfigurationException($"The environment file {file}{given} could not be read: {FileErrorText.Describe(e, file)}.", e);
        }

        var merged = new Dictionary<string, string>(variables, StringComparer.Ordinal);
        var fromFile = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in Parse(text, file))
        {
            if (SecretWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                SecretRedactor.RegisterValue(value);
            }

            if (merged.TryAdd(name, value))
            {
                fromFile.Add(name);
            }
        }

        return new DotEnvVariables(merged, fromFile, path ?? DefaultName);
    }

    /// <summary>The file's variables in order; a later line for the same name wins, as in a shell.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string text, string file)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r').Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line["export ".Length..].TrimStart();
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? line[..equals].Trim() : string.Empty;
            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || char.IsAsciiDigit(name[0]))
            {
                // The line is not quoted back: it may hold a secret.
                throw new ConfigurationException($"{file}:{i + 1}: expected NAME=value, with a name of letters, digits and underscores.");
            }

            found[name] = Value(line[(equals + 1)..].Trim(), file, i + 1);
        }

        return [.. found];
    }

    private static string Value(string raw, string file, int line)
    {
        if (raw.Length > 0 && raw[0] == '\'')
        {
            var end = raw.IndexOf('\'', 1);
            return end < 0 ? throw Unclosed(file, line, '\'') : raw[1..end];
        }

        if (raw.Length > 0 && raw[0] == '"')
        {
            return DoubleQuoted(raw, file, line);
        }

        // Unquoted: a # after whitespace starts a comment.
        var comment = raw.IndexOf(" #", StringComparison.Ordinal);
        return (comment >= 0 ? raw[..comment] : raw).Trim();
    }

    // Inside double quotes, as dotenv and dbmate read them: \" is a quote, \\ a backslash, \n a newline; any other
    // backslash stays as written. The value ends at the first quote that is not escaped.
    private static string DoubleQuoted(string raw, string file, int line)
    {
        var value = new System.Text.StringBuilder();
        for (var i = 1; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '"')
            {
                return value.ToString();
            }

            if (c == '\\' && i + 1 < raw.Length && raw[i + 1] is '"' or '\\' or 'n')
            {
                i++;
                value.Append(raw[i] == 'n' ? '\n' : raw[i]);
                continue;
            }

            value.Append(c);
        }

        throw Unclosed(file, line, '"');
    }

    private static ConfigurationException Unclosed(string file, int line, char quote) =>
        new($"{file}:{line}: the value's closing {quote} is missing.");
}
