using Npgsql;

namespace Cruddur.Users;

/// <summary>Reads and writes users. Handles are unique regardless of case (index users_handle_key on lower(handle)).</summary>
public sealed class UserStore(NpgsqlDataSource db)
{
    public const string HandleKey = "users_handle_key";

    private const string Columns = "uuid, display_name, handle, created_at";

    public async Task<UserView?> FindAsync(string handle, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand($"SELECT {Columns} FROM public.users WHERE lower(handle) = lower($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = handle });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>Inserts the user; a taken handle surfaces as a unique violation on <see cref="HandleKey"/>.</summary>
    public async Task<UserView> CreateAsync(NewUser user, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            $"INSERT INTO public.users (display_name, handle, cognito_user_id) VALUES ($1, $2, $3) RETURNING {Columns}");
        command.Parameters.Add(new NpgsqlParameter { Value = user.DisplayName!.Trim() });
        command.Parameters.Add(new NpgsqlParameter { Value = user.Handle! });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)user.CognitoUserId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return Read(reader);
    }

    private static UserView Read(NpgsqlDataReader reader) =>
        new(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetDateTime(3));
}
