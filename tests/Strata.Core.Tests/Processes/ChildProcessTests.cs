using System.Diagnostics;
using Strata.Core.Processes;

namespace Strata.Core.Tests.Processes;

public sealed class ChildProcessTests
{
    [Fact]
    public async Task Captures_standard_output_and_error_apart_with_the_exit_code()
    {
        var result = await ChildProcess.RunAsync(Shell("printf out; printf err >&2; exit 3"), TimeSpan.FromSeconds(30), CancellationToken.None);

        result.ShouldBe(new ChildProcessResult(3, "out", "err", TimedOut: false));
        result.Succeeded.ShouldBeFalse();
    }

    [Fact]
    public async Task Stops_a_program_that_outlives_its_time_limit_and_says_so()
    {
        var clock = Stopwatch.StartNew();

        var result = await ChildProcess.RunAsync(Shell("sleep 30"), TimeSpan.FromMilliseconds(300), CancellationToken.None);

        result.TimedOut.ShouldBeTrue();
        result.ExitCode.ShouldBe(-1);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Cancellation_stops_the_program_and_is_rethrown()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Should.ThrowAsync<OperationCanceledException>(() => ChildProcess.RunAsync(Shell("sleep 30"), null, cancel.Token));
    }

    [Fact]
    public void The_blocking_run_times_out_the_same_way()
    {
        ChildProcess.Run(Shell("printf ok"), TimeSpan.FromSeconds(30)).ShouldBe(new ChildProcessResult(0, "ok", string.Empty, TimedOut: false));
        ChildProcess.Run(Shell("sleep 30"), TimeSpan.FromMilliseconds(300)).TimedOut.ShouldBeTrue();
    }

    [Fact]
    public async Task A_program_that_does_not_exist_is_a_start_error_naming_it()
    {
        var error = await Should.ThrowAsync<ChildProcessStartException>(
            () => ChildProcess.RunAsync(ChildProcess.StartInfo("/nonexistent/strata-test-program", []), null, CancellationToken.None));

        error.Program.ShouldBe("/nonexistent/strata-test-program");
        error.Reason.ShouldBe("it does not exist");
    }

    [Fact]
    public async Task A_file_that_may_not_be_run_is_a_start_error_saying_why_in_words_of_ours()
    {
        var file = Path.Combine(Path.GetTempPath(), $"strata-not-a-program-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(file, "not a program");
        try
        {
            var error = await Should.ThrowAsync<ChildProcessStartException>(
                () => ChildProcess.RunAsync(ChildProcess.StartInfo(file, []), null, CancellationToken.None));

            error.Message.ShouldBe($"could not start {file}: permission denied");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Arguments_are_shown_for_logs_with_secrets_masked()
    {
        var info = ChildProcess.StartInfo("pg_dump", ["--schema-only", "postgres://app:s3cret-pass@db/app"]);

        var shown = ChildProcess.DisplayArguments(info);

        shown.ShouldStartWith("--schema-only ");
        shown.ShouldNotContain("s3cret-pass");
    }

    private static ProcessStartInfo Shell(string script) => ChildProcess.StartInfo("/bin/sh", ["-c", script]);
}
