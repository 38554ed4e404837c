namespace Cruddur.Users;

/// <summary>A user as the API returns it. The identity provider's id stays inside the service.</summary>
public sealed record UserView(Guid Uuid, string DisplayName, string Handle, DateTime CreatedAt);
