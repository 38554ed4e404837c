namespace Cruddur.Activities;

/// <summary>One page of the home feed, newest first; <paramref name="NextCursor"/> fetches the next (older) page, null on the last.</summary>
public sealed record FeedPage(IReadOnlyList<ActivityView> Items, string? NextCursor);
