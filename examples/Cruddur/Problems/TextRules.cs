namespace Cruddur.Problems;

/// <summary>Text checks shared by the endpoints, matching the CHECK constraints of the schema.</summary>
public static class TextRules
{
    /// <summary>
    /// The length PostgreSQL's char_length gives (characters, not UTF-16 units), so an emoji counts once here as it
    /// does in the table's CHECK constraint.
    /// </summary>
    public static int Length(string text) => text.EnumerateRunes().Count();

    /// <summary>Checks a required text field: present, not blank, at most <paramref name="max"/> characters.</summary>
    public static void Required(FieldErrors errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"{field} is required and must not be blank.");
        }
        else if (Length(value) > max)
        {
            errors.Add(field, $"{field} must be at most {max} characters; it has {Length(value)}.");
        }
        else
        {
            NoNul(errors, field, value);
        }
    }

    /// <summary>
    /// Refuses the NUL character (U+0000), which PostgreSQL's text cannot hold: the server would reject the whole
    /// statement (SQLSTATE 22021) without naming the field.
    /// </summary>
    public static void NoNul(FieldErrors errors, string field, string value)
    {
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            errors.Add(field, $"{field} must not contain the NUL character (\\u0000).");
        }
    }
}
