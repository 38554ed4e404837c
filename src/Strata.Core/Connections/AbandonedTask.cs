namespace Strata.Core.Connections;

/// <summary>A task nobody waits for any more (an open or a read given up on at a deadline or a cancellation).</summary>
internal static class AbandonedTask
{
    /// <summary>Observes the task's error when it fails later, so that it is not reported as unobserved.</summary>
    public static void Observe(Task? task) =>
        task?.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}
