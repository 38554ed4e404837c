namespace Strata.Core.Connections;

/// <summary>A password given apart from the connection source: read from a file, or a command to run per connection.</summary>
/// <param name="Kind"><see cref="PasswordSource.File"/> or <see cref="PasswordSource.Command"/>.</param>
/// <param name="Description">Where it came from, for <c>strata config</c>.</param>
/// <param name="FilePassword">The file's content, when <paramref name="Kind"/> is File.</param>
/// <param name="Command">The command, when <paramref name="Kind"/> is Command.</param>
/// <param name="File">The file, read again for each new connection, when <paramref name="Kind"/> is File.</param>
internal sealed record PasswordOverride(PasswordSource Kind, string Description, string? FilePassword, PasswordCommand? Command, PasswordFile? File = null);
