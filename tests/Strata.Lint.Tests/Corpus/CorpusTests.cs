using Npgsql;
using Strata.Testing;

namespace Strata.Lint.Tests.Corpus;

/// <summary>
/// The lint corpus: every case's claim about the server is checked on a live reference database with rows, and
/// dynamic lint against that reference must reach the case's verdict. Static-only figures are measured by
/// bench/lint/compare.sh, not asserted here.
/// </summary>
public sealed class CorpusTests
{
    public static TheoryData<string> Cases() => [.. CorpusCase.Names];

    [Fact]
    public void The_corpus_has_at_least_60_cases_and_a_safe_case_for_every_static_blind_spot()
    {
        var cases = CorpusCase.Names.Select(CorpusCase.Load).ToList();
        cases.Count.ShouldBeGreaterThanOrEqualTo(60);
        cases.ShouldAllBe(c => c.Expect == "error" || c.Expect == "ok");
        cases.Count(c => c.Expect == "ok").ShouldBeGreaterThanOrEqualTo(20);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_server_does_what_the_case_says_and_dynamic_lint_reaches_its_verdict(string name)
    {
        var corpusCase = CorpusCase.Load(name);
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using (var connection = await db.DataSource.OpenConnectionAsync())
        {
            await using (var setup = new NpgsqlCommand(CorpusCase.Reference, connection))
            {
                await setup.ExecuteNonQueryAsync();
            }

            var options = new DynamicLintOptions { ScratchServer = db.Server.ConnectionStringFor("postgres"), Reference = db.ConnectionString };
            var result = await new MigrationLinter().LintDynamicAsync([corpusCase.File], options, default);
            var verdict = result.HasFindingsAtLeast(LintSeverity.Error) ? "error" : "ok";
            verdict.ShouldBe(corpusCase.Expect, string.Join("; ", result.Findings.Select(f => $"{f.Rule}: {f.Message}")));

            // Last, since a transaction:false case changes the reference for real.
            (await CorpusOracle.ObserveAsync(connection, corpusCase)).ShouldBe(corpusCase.Server);
        }
    }
}
