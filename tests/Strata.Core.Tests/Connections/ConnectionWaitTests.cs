using Npgsql;
using Strata.Core.Connections;
using Strata.Core.Errors;

namespace Strata.Core.Tests.Connections;

/// <summary>The wait shared by <c>db wait</c> and migrate-on-start, driven by attempts that fail as Npgsql fails.</summary>
public sealed class ConnectionWaitTests
{
    private static readonly ConnectionSettings Settings = new() { Hosts = [new HostEndpoint("db.internal", 5432)], Database = "appdb" };

    private static readonly ConnectionWait Wait = new()
    {
        FirstPause = TimeSpan.FromMilliseconds(10),
        LongestPause = TimeSpan.FromMilliseconds(25),
        ShortestAttempt = TimeSpan.FromMilliseconds(50),
        AttemptTimedOut = left => $"cut short with {left.TotalSeconds:0} s left",
    };

    [Fact]
    public async Task Tries_again_after_pauses_that_double_up_to_the_longest_until_an_attempt_connects()
    {
        var attempts = 0;
        var failures = new List<ConnectionWait.Failure>();

        var outcome = await Wait.RunAsync(
            TimeSpan.FromMinutes(1),
            Settings,
            _ => ++attempts < 4 ? throw new NpgsqlException("the server is not there yet") : Task.CompletedTask,
            failures.Add,
            CancellationToken.None);

        outcome.Connected.ShouldBeTrue();
        outcome.Attempts.ShouldBe(4);
        failures.Select(f => f.Attempt).ShouldBe([1, 2, 3]);
        failures.Select(f => f.Pause).ShouldBe([TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(25)]);
        failures[0].Error.Message.ShouldBe("Could not connect to db.internal:5432: the server is not there yet");
        failures[0].TimedOut.ShouldBeFalse();
    }

    [Fact]
    public async Task Ends_at_once_when_the_server_refuses_the_login()
    {
        var attempts = 0;

        var error = await Should.ThrowAsync<ConnectionFailedException>(() => Wait.RunAsync(
            TimeSpan.FromMinutes(1),
            Settings,
            _ =>
            {
                attempts++;
                throw new PostgresException("password authentication failed for user \"app\"", "FATAL", "FATAL", "28P01");
            },
            _ => { },
            CancellationToken.None));

        attempts.ShouldBe(1);
        error.Message.ShouldStartWith("Password authentication failed for user");
    }

    [Fact]
    public async Task Reports_the_last_attempt_without_a_pause_when_the_time_is_up()
    {
        var failures = new List<ConnectionWait.Failure>();

        var outcome = await Wait.RunAsync(
            TimeSpan.FromMilliseconds(200),
            Settings,
            attempt => Task.Delay(Timeout.InfiniteTimeSpan, attempt),
            failures.Add,
            CancellationToken.None);

        outcome.Connected.ShouldBeFalse();
        outcome.Attempts.ShouldBe(failures.Count);
        failures.ShouldAllBe(f => f.TimedOut);
        failures[0].Error.Message.ShouldBe("cut short with 0 s left");
        failures[^1].Pause.ShouldBeNull();
        failures.SkipLast(1).ShouldAllBe(f => f.Pause != null);
        outcome.LastError.ShouldBeSameAs(failures[^1].Error);
    }

    [Fact]
    public async Task Gives_the_error_before_an_attempt_the_deadline_cut_short_as_the_last_error()
    {
        var attempts = 0;
        var failures = new List<ConnectionWait.Failure>();

        var outcome = await Wait.RunAsync(
            TimeSpan.FromMilliseconds(300),
            Settings,
            attempt => ++attempts == 1 ? throw new NpgsqlException("Connection refused") : Task.Delay(Timeout.InfiniteTimeSpan, attempt),
            failures.Add,
            CancellationToken.None);

        outcome.Connected.ShouldBeFalse();
        failures[^1].TimedOut.ShouldBeTrue();
        outcome.LastError.ShouldBeSameAs(failures[0].Error);
        outcome.LastError!.Message.ShouldBe("Could not connect to db.internal:5432: Connection refused");
    }

    [Fact]
    public async Task Of_attempts_that_were_all_cut_short_the_last_is_the_last_error()
    {
        var failures = new List<ConnectionWait.Failure>();

        var outcome = await Wait.RunAsync(
            TimeSpan.FromMilliseconds(300),
            Settings,
            _ => throw new OperationCanceledException(),
            failures.Add,
            CancellationToken.None);

        outcome.Connected.ShouldBeFalse();
        failures.Count.ShouldBeGreaterThan(1);
        failures.ShouldAllBe(f => f.TimedOut);
        outcome.LastError.ShouldBeSameAs(failures[^1].Error);
    }

    // An attempt is given all that is left of the wait, so its own deadline firing is the end of the wait, even when
    // the timer fires a moment before the clock reaches the limit (timers count whole milliseconds): no attempt is
    // started after it with nothing, or less than nothing, left.
    [Fact]
    public async Task An_attempt_cut_short_by_its_deadline_is_the_last_whatever_the_clock_says_is_left()
    {
        for (var wait = 0; wait < 40; wait++)
        {
            var failures = new List<ConnectionWait.Failure>();

            var outcome = await Wait.RunAsync(
                TimeSpan.FromMilliseconds(60), Settings, token => Task.Delay(Timeout.Infinite, token), failures.Add, CancellationToken.None);

            outcome.Attempts.ShouldBe(1, $"wait {wait}: {string.Join("; ", failures.Select(f => f.Error.Message))}");
            failures.ShouldHaveSingleItem().Pause.ShouldBeNull();
        }
    }

    [Fact]
    public async Task A_wait_that_connects_has_no_last_error()
    {
        var outcome = await Wait.RunAsync(TimeSpan.FromSeconds(5), Settings, _ => Task.CompletedTask, _ => { }, CancellationToken.None);

        outcome.Connected.ShouldBeTrue();
        outcome.LastError.ShouldBeNull();
    }
}
