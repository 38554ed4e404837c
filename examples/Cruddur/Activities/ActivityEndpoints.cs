using Cruddur.Problems;
using Cruddur.Users;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Cruddur.Activities;

/// <summary>POST /api/activities, GET /api/activities/{uuid} and GET /api/activities/home.</summary>
public static class ActivityEndpoints
{
    public static IEndpointRouteBuilder MapActivities(this IEndpointRouteBuilder app)
    {
        var activities = app.MapGroup("/api/activities");
        activities.MapPost("/", CreateAsync);
        activities.MapGet("/home", HomeAsync);
        // A malformed uuid does not match the route and gets the same 404 problem as an unknown one.
        activities.MapGet("/{uuid:guid}", GetAsync);
        return app;
    }

    private static async Task<Results<Created<ActivityView>, ValidationProblem>> CreateAsync(
        NewActivity activity, ActivityStore store, UserStore users, HomeFeed feed, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = ActivityRules.Check(activity, clock.GetUtcNow());
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        try
        {
            var created = await store.CreateAsync(activity, cancellationToken);
            if (created is not null)
            {
                // The new activity, and a reply's bumped count on its parent, change the feed.
                await feed.ChangedAsync();
                return TypedResults.Created($"/api/activities/{created.Uuid}", created);
            }

            // Nothing was created: the author is unknown, or the activity replied to has expired.
            return activity.ReplyToActivityUuid is not null && await users.FindAsync(activity.Handle!, cancellationToken) is not null
                ? NoReplyTarget(activity)
                : FieldErrors.One("handle", $"No user has the handle '{activity.Handle}'.");
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ForeignKeyViolation && ex.ConstraintName == ActivityStore.ReplyToKey)
        {
            return NoReplyTarget(activity);
        }
    }

    // An expired activity is answered as one that does not exist, as GET does.
    private static ValidationProblem NoReplyTarget(NewActivity activity) =>
        FieldErrors.One("replyToActivityUuid", $"No activity has the uuid {activity.ReplyToActivityUuid}, or it has expired.");

    private static async Task<Results<Ok<ActivityView>, ProblemHttpResult>> GetAsync(Guid uuid, ActivityStore store, CancellationToken cancellationToken)
    {
        var activity = await store.FindAsync(uuid, cancellationToken);
        return activity is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such activity.", detail: $"No activity has the uuid {uuid}, or it has expired.")
            : TypedResults.Ok(activity);
    }

    // An Ok<FeedPage> with the cache off, a JsonPageResult with it on, a validation problem for a bad query.
    private static async Task<IResult> HomeAsync(string? limit, string? before, HomeFeed feed, CancellationToken cancellationToken)
    {
        var (size, cursor, errors) = ActivityRules.Feed(limit, before);
        return errors.Any ? errors.ToProblem() : await feed.PageAsync(size, cursor, cancellationToken);
    }
}
