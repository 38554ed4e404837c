using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Cruddur.Users;

/// <summary>POST /api/users and GET /api/users/{handle}.</summary>
public static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users");
        users.MapPost("/", CreateAsync);
        users.MapGet("/{handle}", GetAsync);
        return app;
    }

    private static async Task<Results<Created<UserView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        NewUser user, UserStore store, CancellationToken cancellationToken)
    {
        var errors = UserRules.Check(user);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        try
        {
            var created = await store.CreateAsync(user, cancellationToken);
            return TypedResults.Created($"/api/users/{created.Handle}", created);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == UserStore.HandleKey)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The handle is taken.",
                detail: $"A user with the handle '{user.Handle}' already exists (handles are compared without case); choose another.");
        }
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> GetAsync(string handle, UserStore store, CancellationToken cancellationToken)
    {
        // A string that is not a valid handle cannot name a user: 404 without a query.
        var user = UserRules.IsHandle(handle) ? await store.FindAsync(handle, cancellationToken) : null;
        return user is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such user.", detail: $"No user has the handle '{handle}'.")
            : TypedResults.Ok(user);
    }
}
