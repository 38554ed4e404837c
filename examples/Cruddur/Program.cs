using Cruddur.Activities;
using Cruddur.Caching;
using Cruddur.Problems;
using Cruddur.Seeding;
using Cruddur.Serialization;
using Cruddur.Users;
using Strata.AspNetCore;
using Strata.Core.Errors;

var builder = WebApplication.CreateBuilder(args);

// One JSON object per line on stdout, for the container's log driver.
builder.Logging.ClearProviders();
builder.Logging.AddJsonConsole(json =>
{
    json.UseUtcTimestamp = true;
    json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
});

// The database comes from DATABASE_URL, DB_SECRET, DB_*, PG* or strata.json, like the strata command; the
// migrations the app expects ship inside Cruddur.dll.
builder.AddStrata(strata => strata.UseEmbeddedMigrations(typeof(Program).Assembly));
builder.Services.AddHostedService<SeedOnStartService>();

builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<BadRequestHandler>();
builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
// Binding failures reach BadRequestHandler as exceptions, so their problem bodies can say what was wrong.
builder.Services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
// Generated serializers first; the framework's own types (problem details) keep their resolvers after them.
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, CruddurJsonContext.Default));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<UserStore>();
builder.Services.AddSingleton<ActivityStore>();
builder.Services.AddSingleton<HomeFeed>();
// Off unless Cruddur:Cache:Redis is set; see docs/cruddur-performance.md.
builder.Services.AddFeedCache(builder.Configuration);

var app = builder.Build();
app.UseExceptionHandler();
// Gives empty error responses (malformed JSON, unknown route, wrong method) an RFC 7807 body too.
app.UseStatusCodePages();

app.MapStrataHealth();
app.MapUsers();
app.MapActivities();

try
{
    await app.RunAsync();
}
catch (StrataException)
{
    // Strata has logged the reason (event 1602 or 1613): the host did not start, or, migrating in the background, it
    // served only its health endpoints before it stopped.
    return 1;
}

// 0, unless seeds loaded after a migration in the background failed and stopped the app (SeedOnStartService).
return Environment.ExitCode;
