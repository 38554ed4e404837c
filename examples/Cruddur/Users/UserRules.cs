using System.Text.RegularExpressions;
using Cruddur.Problems;

namespace Cruddur.Users;

/// <summary>What a valid user is; the same rules as the users table's CHECK constraints.</summary>
public static partial class UserRules
{
    public const int MaxDisplayName = 100;
    public const int MaxCognitoUserId = 200;

    public static bool IsHandle(string? handle) => handle is not null && HandlePattern().IsMatch(handle);

    public static FieldErrors Check(NewUser user)
    {
        var errors = new FieldErrors();
        TextRules.Required(errors, "displayName", user.DisplayName, MaxDisplayName);
        if (string.IsNullOrEmpty(user.Handle))
        {
            errors.Add("handle", "handle is required.");
        }
        else if (!IsHandle(user.Handle))
        {
            errors.Add("handle", "handle must be 1 to 40 letters, digits or underscores.");
        }

        if (user.CognitoUserId is { } cognito && (string.IsNullOrWhiteSpace(cognito) || TextRules.Length(cognito) > MaxCognitoUserId))
        {
            errors.Add("cognitoUserId", $"cognitoUserId, when given, must be 1 to {MaxCognitoUserId} characters and not blank.");
        }
        else if (user.CognitoUserId is { } given)
        {
            TextRules.NoNul(errors, "cognitoUserId", given);
        }

        return errors;
    }

    // \z, not $: $ also matches before a final line break, which the table's CHECK refuses.
    [GeneratedRegex(@"^[A-Za-z0-9_]{1,40}\z", RegexOptions.CultureInvariant)]
    private static partial Regex HandlePattern();
}
