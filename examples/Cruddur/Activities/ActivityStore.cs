using Npgsql;
using NpgsqlTypes;

namespace Cruddur.Activities;

/// <summary>Reads and writes activities. Expired activities (expires_at in the past) are hidden everywhere.</summary>
public sealed class ActivityStore(NpgsqlDataSource db)
{
    public const string ReplyToKey = "activities_reply_to_activity_uuid_fkey";

    private const string Columns =
        "a.uuid, u.display_name, u.handle, a.content, a.replies_count, a.reposts_count, a.likes_count, a.reply_to_activity_uuid, a.expires_at, a.created_at";

    private const string Visible = "(a.expires_at IS NULL OR a.expires_at > now())";

    // One statement: the author is looked up by handle, the activity inserted, and the replied-to activity's counter
    // bumped, atomically. No author means no row, and so does a reply to an activity that has expired: it is hidden
    // here as it is from reads. A reply to an unknown activity fails its foreign key.
    private const string InsertSql = $"""
        WITH u AS (SELECT uuid, display_name, handle FROM public.users WHERE lower(handle) = lower($1)),
        a AS (
          INSERT INTO public.activities (user_uuid, content, reply_to_activity_uuid, expires_at)
          SELECT u.uuid, $2, $3, $4 FROM u
          WHERE NOT EXISTS (SELECT 1 FROM public.activities a WHERE a.uuid = $3 AND NOT {Visible})
          RETURNING *),
        parent AS (
          UPDATE public.activities SET replies_count = replies_count + 1
          WHERE uuid = $3 AND EXISTS (SELECT 1 FROM a)
          RETURNING uuid)
        SELECT {Columns} FROM a CROSS JOIN u
        """;

    // The feed's statements keep PostgreSQL on one cached plan per pooled connection. PostgreSQL re-plans a prepared
    // statement on every execution while its plan for unknown parameters looks costlier than the plans it makes for
    // the values given: with the page size as a parameter ($1 in LIMIT, estimated at a tenth of the table) that was
    // every execution, and planning cost more than running the query. So the page size is written into the text (a
    // whole number from 1 to ActivityRules.MaxLimit, one statement per size), the first page has no parameter at all,
    // and the cursor reaches the later page's index condition through an InitPlan ((SELECT $1, $2)), where no plan
    // can see the values: after PostgreSQL's five trial plans, the generic plan is never costlier and stays. See
    // docs/cruddur-performance.md; the tests read pg_prepared_statements to check it.
    private const string FeedFrom = $"SELECT {Columns} FROM public.activities a JOIN public.users u ON u.uuid = a.user_uuid WHERE {Visible} ";
    private const string FeedOrder = "ORDER BY a.created_at DESC, a.uuid DESC LIMIT ";

    private static readonly string[] FeedStatements = Statements(FeedFrom + FeedOrder);
    private static readonly string[] FeedAfterStatements = Statements(FeedFrom + "AND (a.created_at, a.uuid) < (SELECT $1, $2) " + FeedOrder);

    /// <summary>The home feed's first page of <paramref name="rows"/> rows: newest visible activities, in the order activities_home_feed_idx reads them.</summary>
    public static string FeedSql(int rows) => FeedStatements[rows];

    /// <summary>A later page of the home feed: the same, strictly after the keyset cursor ($1 created_at, $2 uuid).</summary>
    public static string FeedAfterSql(int rows) => FeedAfterStatements[rows];

    /// <summary>
    /// Creates the activity, or returns null when no user has the author's handle or the activity replied to has
    /// expired.
    /// </summary>
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
        // Cruddur's pool prepares the feed's statements automatically (Strata:Pool:MaxAutoPrepare), and a prepared
        // statement persists on its physical connection: after a few requests on each, the server neither parses nor
        // plans the feed query again; planning cost more than running it (see docs/cruddur-performance.md). The pool
        // also multiplexes, so the command goes through the data source without holding a connection of its own.
        await using var command = db.CreateCommand(before is null ? FeedSql(limit + 1) : FeedAfterSql(limit + 1));
        if (before is { } cursor)
        {
            command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = cursor.CreatedAt, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = cursor.Uuid });
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

    // A page asks for one row more than it shows, so sizes 1 to MaxLimit read up to MaxLimit + 1 rows.
    private static string[] Statements(string prefix)
    {
        var statements = new string[ActivityRules.MaxLimit + 2];
        for (var rows = 0; rows < statements.Length; rows++)
        {
            statements[rows] = prefix + rows.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return statements;
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
