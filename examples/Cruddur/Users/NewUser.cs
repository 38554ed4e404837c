namespace Cruddur.Users;

/// <summary>The body of POST /api/users.</summary>
public sealed record NewUser(string? DisplayName, string? Handle, string? CognitoUserId);
