using System.CommandLine;
using System.Text.Json.Nodes;
using Strata.Cli.Hosting;
using Strata.Core.Lifecycle;

namespace Strata.Cli.Commands.Db;

/// <summary>`strata db create`: creates the database if it does not exist.</summary>
internal static class DbCreateCommand
{
    public static Command Create()
    {
        var owner = new Option<string?>("--owner") { Description = "The role that will own the database. [default: the connecting role]", HelpName = "role" };
        var encoding = new Option<string?>("--encoding") { Description = "The character set encoding, e.g. UTF8. [default: the template's]", HelpName = "name" };
        var locale = new Option<string?>("--locale") { Description = "The locale for collation and character classes, e.g. C or en_US.UTF-8. [default: the template's]", HelpName = "name" };
        var template = new Option<string?>("--template") { Description = "The template database to copy, e.g. template0. [default: template1]", HelpName = "name" };
        var command = new Command("create", "Create the database if it does not exist (through the maintenance database postgres, else template1).")
        {
            owner, encoding, locale, template,
        };
        CommandAction.SetLifecycle(command, async (run, parse, lifecycle, cancellationToken) =>
        {
            var options = new CreateOptions
            {
                Owner = parse.GetValue(owner),
                Encoding = parse.GetValue(encoding),
                Locale = parse.GetValue(locale),
                Template = parse.GetValue(template),
            };
            var result = await lifecycle.CreateAsync(options, cancellationToken);
            var message = result.Created
                ? $"created database '{result.Database}' on {result.Server}"
                : $"database '{result.Database}' already exists on {result.Server}; nothing changed";
            var fields = new JsonObject { ["database"] = result.Database, ["server"] = result.Server, ["created"] = result.Created };
            run.Reporter.Result("db.created", message, fields);
            return ExitCodes.Success;
        });
        return command;
    }
}
