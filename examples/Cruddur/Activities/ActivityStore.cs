using Npgsql;
using NpgsqlTypes;

namespace Cruddur.Activities;

/// <summary>Reads and writes activities. Expired activities (expires_at in the past) are hidden everywhere.</summary>
public sealed class ActivityStore(NpgsqlDataSource db)
{
    public const string ReplyToKey = "activities_reply_to_activity_uuid_fkey";

    private const string Columns =
        "a.uuid, u.display_name, u.handle, a.message, a.replies_count, a.reposts_count, a.likes_count, a.reply_to_activity_uuid, a.expires_at, a.created_at";

    private const string Visible = "(a.expires_at IS NULL OR a.expires_at > now())";

    // One statement: the author is looked up by handle, the activity inserted, and the replied-to activity's counter
    // bumped, atomically. No author means no row; a reply to an unknown activity fails its foreign key.
    private const string InsertSql = $"""
        WITH u AS (SELECT uuid, display_name, handle FROM public.users WHERE lower(handle) = lower($1)),
        a AS (
          INSERT INTO public.activities (user_uuid, message, reply_to_activity_uuid, expires_at)
          SELECT u.uuid, $2, $3, $4 FROM u
          RETURNING *),
        parent AS (
          UPDATE public.activities SET replies_count = replies_count + 1
          WHERE uuid = $3 AND EXISTS (SELECT 1 FROM a)
          RETURNING uuid)
        SELECT {Columns} FROM a CROSS JOIN u
        """;

    /// <summary>Creates the activity, or returns null when no user has the author's handle.</summary>
    public async Task<ActivityView?> CreateAsync(NewActivity activity, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(InsertSql);
        command.Parameters.Add(new NpgsqlParameter { Value = activity.Handle! });
        command.Parameters.Add(new NpgsqlParameter { Value = activity.Message! });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)activity.ReplyToActivityUuid ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)activity.ExpiresAt?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return await SingleAsync(command, cancellationToken);
    }

    public async Task<ActivityView?> FindAsync(Guid uuid, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            $"SELECT {Columns} FROM public.activities a JOIN public.users u ON u.uuid = a.user_uuid WHERE a.uuid = $1 AND {Visible}");
        command.Parameters.Add(new NpgsqlParameter { Value = uuid });
        return await SingleAsync(command, cancellationToken);
    }

    /// <summary>
    /// Up to <paramref name="limit"/> activities, newest first, strictly after <paramref name="before"/> in
    /// (created_at, uuid) order: a keyset page that reads activities_home_feed_idx from the position on, however
    /// deep the page, and neither skips nor repeats rows when new activities arrive meanwhile.
    /// </summary>
    public async Task<FeedPage> FeedAsync(int limit, FeedCursor? before, CancellationToken cancellationToken)
    {
        var after = before is null ? "" : "AND (a.created_at, a.uuid) < ($2, $3)";
        await using var command = db.CreateCommand(
            $"SELECT {Columns} FROM public.activities a JOIN public.users u ON u.uuid = a.user_uuid " +
            $"WHERE {Visible} {after} ORDER BY a.created_at DESC, a.uuid DESC LIMIT $1");
        command.Parameters.Add(new NpgsqlParameter { Value = limit + 1 });
        if (before is { } cursor)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = cursor.CreatedAt, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter { Value = cursor.Uuid });
        }

        var items = new List<ActivityView>(limit + 1);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(Read(reader));
            }
        }

        // One row more than asked tells whether an older page exists without a second query.
        if (items.Count <= limit)
        {
            return new FeedPage(items, null);
        }

        items.RemoveAt(limit);
        var last = items[^1];
        return new FeedPage(items, new FeedCursor(last.CreatedAt, last.Uuid).Encode());
    }

    private static async Task<ActivityView?> SingleAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static ActivityView Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetInt32(4),
        reader.GetInt32(5),
        reader.GetInt32(6),
        reader.IsDBNull(7) ? null : reader.GetGuid(7),
        reader.IsDBNull(8) ? null : reader.GetDateTime(8),
        reader.GetDateTime(9));
}
