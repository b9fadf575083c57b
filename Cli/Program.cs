using System.Runtime.InteropServices;
using Feed.Cli;

// Ctrl-C (SIGINT) or SIGTERM cancels the command: follow then says how to resume. A second Ctrl-C ends the process at once.
using var interrupted = new CancellationTokenSource();
void Interrupt(PosixSignalContext signal)
{
    if (interrupted.IsCancellationRequested) return;
    signal.Cancel = true;
    interrupted.Cancel();
}
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);
return await CliApp.RunAsync(args, Console.Out, Console.Error, interrupted.Token);
