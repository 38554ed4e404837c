using Strata.Core.Configuration;
using Strata.Core.Data;
using Strata.Core.Execution;

namespace Strata.Core.Tests.Execution;

public sealed class ExecutionHelperTests
{
    [Fact]
    public void Lock_retry_pauses_grow_exponentially_with_jitter_up_to_the_cap()
    {
        var policy = new LockRetryPolicy(5, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30), (_, _) => Task.CompletedTask);

        for (var i = 0; i < 50; i++)
        {
            policy.DelayAfter(1).TotalMilliseconds.ShouldBeInRange(250, 500);
            policy.DelayAfter(3).TotalMilliseconds.ShouldBeInRange(1000, 2000);
            policy.DelayAfter(20).TotalMilliseconds.ShouldBeInRange(15000, 30000);
        }
    }

    [Fact]
    public void The_default_lock_retries_keep_the_application_stall_short_and_the_total_bounded()
    {
        var options = new MigratorOptions();
        var policy = new LockRetryPolicy(options.LockRetryAttempts, options.LockRetryBaseDelay, options.LockRetryMaxDelay, (_, _) => Task.CompletedTask);

        // Each attempt holds the application's queries back for at most lock_timeout: well under a second.
        options.LockTimeout.ShouldBe(TimeSpan.FromMilliseconds(300));
        policy.Attempts.ShouldBe(20);
        // Enough tries to outlast a blocker of tens of seconds, and never more than this before giving up.
        policy.LongestTotal(options.LockTimeout).ShouldBe(TimeSpan.FromMilliseconds((20 * 300) + 250 + 500 + 1000 + 2000 + 4000 + (14 * 5000)));
        for (var i = 0; i < 50; i++)
        {
            policy.DelayAfter(19).TotalMilliseconds.ShouldBeInRange(2500, 5000);
        }
    }

    [Fact]
    public void Durations_are_written_for_people_and_for_settings()
    {
        Durations.Format(TimeSpan.FromMilliseconds(200)).ShouldBe("200ms");
        Durations.Format(TimeSpan.FromSeconds(1.5)).ShouldBe("1.5s");
        Durations.Format(TimeSpan.FromMinutes(10)).ShouldBe("10m");
        Durations.Setting(TimeSpan.FromSeconds(5)).ShouldBe("'5000ms'");
        Durations.Setting(TimeSpan.Zero).ShouldBe("'0ms'");
    }

    [Fact]
    public void Bound_statements_render_as_literals_for_scripts()
    {
        var sql = new BoundSql("INSERT INTO t VALUES ($1, $2, $10, $3)", "it's", 7, null, 4, 5, 6, 7, 8, 9, 10L);

        sql.ToLiteralSql().ShouldBe("INSERT INTO t VALUES ('it''s', 7, 10, NULL)");
    }
}
