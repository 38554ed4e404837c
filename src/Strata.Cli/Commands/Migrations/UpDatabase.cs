using Strata.Core.Sessions;

namespace Strata.Cli.Commands.Migrations;

/// <summary>
/// What <c>up</c> does before it migrates: wait for the server when asked (<c>--wait</c>), then create the database
/// when it does not exist yet, as dbmate's <c>up</c> does. Its <c>migrate</c> spelling does not create, as in dbmate,
/// and neither does a run that changes nothing (<c>--dry-run</c>, <c>--sql</c>).
/// </summary>
internal static class UpDatabase
{
    public static async Task PrepareAsync(CommandRun run, ParseResult parse, StrataSession session, bool changes, CancellationToken cancellationToken)
    {
        await WaitFlags.WaitIfAskedAsync(run, parse, session, cancellationToken);
        if (changes && parse.CommandResult.IdentifierToken.Value != "migrate")
        {
            await MissingDatabase.CreateIfMissingAsync(session, cancellationToken);
        }
    }
}
