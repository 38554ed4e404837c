namespace Cruddur.Activities;

/// <summary>An activity joined with its author's display name and handle, as the API returns it.</summary>
public sealed record ActivityView(
    Guid Uuid,
    string DisplayName,
    string Handle,
    string Message,
    int RepliesCount,
    int RepostsCount,
    int LikesCount,
    Guid? ReplyToActivityUuid,
    DateTime? ExpiresAt,
    DateTime CreatedAt);
