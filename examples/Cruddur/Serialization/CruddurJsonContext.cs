using System.Text.Json;
using System.Text.Json.Serialization;
using Cruddur.Activities;
using Cruddur.Users;

namespace Cruddur.Serialization;

/// <summary>
/// Source-generated JSON for the API's bodies, with the web defaults (camelCase, case-insensitive reading): the
/// serializers are compiled with the app instead of built by reflection, and the feed's page is written without
/// looking up its members at run time.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(FeedPage))]
[JsonSerializable(typeof(ActivityView))]
[JsonSerializable(typeof(NewActivity))]
[JsonSerializable(typeof(UserView))]
[JsonSerializable(typeof(NewUser))]
public sealed partial class CruddurJsonContext : JsonSerializerContext;
