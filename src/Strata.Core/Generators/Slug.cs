using System.Text;

namespace Strata.Core.Generators;

/// <summary>File-name descriptions built from object names: lower-case letters and digits joined by underscores.</summary>
internal static class Slug
{
    private const int MaxLength = 80;

    public static string Of(params string[] parts)
    {
        var slug = new StringBuilder();
        foreach (var c in string.Join('_', parts))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '_')
            {
                slug.Append('_');
            }
        }

        var text = slug.ToString().Trim('_');
        if (text.Length == 0)
        {
            // Names without ASCII letters or digits still need a readable file name.
            return "object";
        }

        return text.Length <= MaxLength ? text : text[..MaxLength].TrimEnd('_');
    }
}
