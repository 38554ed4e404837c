using Strata.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.AddStrata();
var app = builder.Build();
app.MapStrataHealth();
app.Run();
