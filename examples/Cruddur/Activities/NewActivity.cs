namespace Cruddur.Activities;

/// <summary>The body of POST /api/activities: who posts (by handle), the message, and optionally a reply target and an expiry.</summary>
public sealed record NewActivity(string? Handle, string? Message, Guid? ReplyToActivityUuid, DateTimeOffset? ExpiresAt);
