using System.Globalization;
using Cruddur.Problems;
using Cruddur.Users;

namespace Cruddur.Activities;

/// <summary>What a valid activity and a valid feed request are.</summary>
public static class ActivityRules
{
    public const int MaxMessage = 280;
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    // Npgsql stores .NET's largest time as PostgreSQL's infinity, and PostgreSQL rounds to microseconds, so a time in the
    // last day .NET can hold would not come back as it was sent.
    private static readonly DateTimeOffset LatestExpiry = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public static FieldErrors Check(NewActivity activity, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrEmpty(activity.Handle))
        {
            errors.Add("handle", "handle (the author) is required.");
        }
        else if (!UserRules.IsHandle(activity.Handle))
        {
            errors.Add("handle", "handle must be 1 to 40 letters, digits or underscores.");
        }

        TextRules.Required(errors, "message", activity.Message, MaxMessage);
        if (activity.ExpiresAt is { } expires && expires <= now)
        {
            errors.Add("expiresAt", "expiresAt, when given, must be in the future.");
        }
        else if (activity.ExpiresAt >= LatestExpiry)
        {
            errors.Add("expiresAt", $"expiresAt, when given, must be before {LatestExpiry:yyyy-MM-dd}.");
        }

        return errors;
    }

    /// <summary>Parses the feed's query string: <c>limit</c> (1 to 100, default 20) and <c>before</c> (a cursor from a previous page).</summary>
    public static (int Limit, FeedCursor? Before, FieldErrors Errors) Feed(string? limit, string? before)
    {
        var errors = new FieldErrors();
        var size = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxLimit))
        {
            errors.Add("limit", $"limit must be a whole number from 1 to {MaxLimit}.");
        }

        FeedCursor? cursor = null;
        if (before is not null)
        {
            if (FeedCursor.TryDecode(before, out var decoded))
            {
                cursor = decoded;
            }
            else
            {
                errors.Add("before", "before must be a nextCursor value returned by a previous page.");
            }
        }

        return (size, cursor, errors);
    }
}
