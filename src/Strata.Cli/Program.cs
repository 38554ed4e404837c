using System.Runtime.InteropServices;
using Strata.Cli;

ProcessTuning.Apply();
using var cancellation = new CancellationTokenSource();

// Ctrl-C and a container runtime's SIGTERM both mean "stop cleanly": cancel the token so the running statement is
// cancelled, the transaction rolled back and the migration lock released, instead of the runtime killing us mid-write.
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);

return await StrataCli.RunAsync(args, CliContext.FromProcess(), cancellation.Token);

void Cancel(PosixSignalContext context)
{
    context.Cancel = true;
    cancellation.Cancel();
}
