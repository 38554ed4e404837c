namespace Strata.Cli.Hosting;

/// <summary>
/// Runtime settings of the <c>strata</c> process itself (never of the library in a host's process), applied before
/// the first socket or thread-pool work item. A variable the user already set wins. See docs/performance.md.
/// </summary>
internal static class ProcessTuning
{
    private const string InlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";
    private const string SpinLimitVariable = "DOTNET_ThreadPool_UnfairSemaphoreSpinLimit";
    private const string SpinLimitSetting = "System.Threading.ThreadPool.UnfairSemaphoreSpinLimit";

    public static void Apply()
    {
        // A run waits on one connection at a time, so a reply's continuation may as well run on the thread that
        // received it: handing it to a pool thread costs two context switches per round trip, about half the
        // client CPU of applying many migrations.
        if (Environment.GetEnvironmentVariable(InlineCompletions) is null)
        {
            Environment.SetEnvironmentVariable(InlineCompletions, "1");
        }

        // Idle pool threads spin before they sleep; on a small machine that spinning takes the CPU the database
        // server needs to answer the round trip being waited for.
        if (Environment.GetEnvironmentVariable(SpinLimitVariable) is null && AppContext.GetData(SpinLimitSetting) is null)
        {
            AppContext.SetData(SpinLimitSetting, 0);
        }
    }
}
