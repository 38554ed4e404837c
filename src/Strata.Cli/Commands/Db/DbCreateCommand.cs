using Strata.Core.Lifecycle;

namespace Strata.Cli.Commands.Db;

/// <summary>`strata db create`: creates the database if it does not exist.</summary>
internal static class DbCreateCommand
{
    private static readonly Option<string?> Owner = new("--owner") { Description = "The role that will own the database. [default: the connecting role]", HelpName = "role" };
    private static readonly Option<string?> Encoding = new("--encoding") { Description = "The character set encoding, e.g. UTF8. [default: the template's]", HelpName = "name" };
    private static readonly Option<string?> Locale = new("--locale") { Description = "The locale for collation and character classes, e.g. C or en_US.UTF-8. [default: the template's]", HelpName = "name" };
    private static readonly Option<string?> Template = new("--template") { Description = "The template database to copy, e.g. template0. [default: template1]", HelpName = "name" };

    public static Command Create() => CommandAction.SetLifecycle(
        new Command("create", "Create the database if it does not exist (through the maintenance database postgres, else template1).")
        {
            Owner, Encoding, Locale, Template,
        },
        async (run, parse, lifecycle, cancellationToken) =>
        {
            var options = new CreateOptions
            {
                Owner = parse.GetValue(Owner),
                Encoding = parse.GetValue(Encoding),
                Locale = parse.GetValue(Locale),
                Template = parse.GetValue(Template),
            };
            var result = await lifecycle.CreateAsync(options, cancellationToken);
            var message = result.Created
                ? $"created database '{result.Database}' on {result.Server}"
                : $"database '{result.Database}' already exists on {result.Server}; nothing changed";
            var fields = new JsonObject { ["database"] = result.Database, ["server"] = result.Server, ["created"] = result.Created };
            run.Reporter.Result("db.created", message, fields);
            return ExitCodes.Success;
        });
}
