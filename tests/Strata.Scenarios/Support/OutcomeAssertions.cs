using Strata.Scenarios.Doors;

namespace Strata.Scenarios.Support;

/// <summary>The checks scenarios make on an <see cref="Outcome"/>, each failing with the whole outcome in view.</summary>
public static class OutcomeAssertions
{
    /// <summary>The call succeeded and touched exactly <paramref name="versions"/>, in this order.</summary>
    public static void ShouldHaveRun(this Outcome outcome, params string[] versions)
    {
        outcome.Succeeded.ShouldBeTrue(outcome.ToString());
        outcome.Versions.ShouldBe(versions, outcome.ToString());
    }

    /// <summary>The call failed with this exit code and error kind, and its message names <paramref name="naming"/>.</summary>
    public static void ShouldBeRefused(this Outcome outcome, int exitCode, string kind, string? naming = null)
    {
        (outcome.ExitCode, outcome.ErrorKind).ShouldBe((exitCode, kind), outcome.ToString());
        if (naming is not null)
        {
            outcome.Message.ShouldContain(naming, Case.Sensitive, outcome.ToString());
        }
    }

    /// <summary>A status: the newest applied version and the number of pending migrations.</summary>
    public static void ShouldReport(this Outcome outcome, string? currentVersion, int pending)
    {
        outcome.Succeeded.ShouldBeTrue(outcome.ToString());
        (outcome.CurrentVersion, outcome.Pending).ShouldBe((currentVersion, (int?)pending), outcome.ToString());
    }
}
