using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Text;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;

namespace Cutroom.FFmpeg.Process;

/// <summary>The outcome of one child process run.</summary>
/// <param name="ExitCode">The exit code, or -1 when the process was killed on timeout.</param>
/// <param name="TimedOut">True when the run hit its timeout and was killed.</param>
/// <param name="StderrTail">The last stderr lines, oldest first.</param>
/// <param name="Elapsed">Wall time of the run.</param>
public sealed record ProcessResult(int ExitCode, bool TimedOut, IReadOnlyList<string> StderrTail, TimeSpan Elapsed);

/// <summary>
/// Runs a child process with an argument list (no shell), reading stdout and stderr line by
/// line as they arrive, with a wall-clock timeout and cancellation that kill the whole process
/// tree. Nothing is read from or written to the child's stdin. The child is started by
/// <see cref="ChildLauncher"/>, so it dies with this process even when this process is killed.
/// </summary>
/// <remarks>
/// Cancellation kills at once rather than asking ffmpeg to finish (<c>q</c> on stdin): every
/// call runs with <c>-nostdin</c>, so ffmpeg would not read it, and a cancelled job's output is
/// discarded anyway (outputs are written to temp names). On Ctrl+C in a terminal, ffmpeg gets
/// SIGINT from the terminal itself and stops cleanly before the kill. Children stay in Cutroom's
/// process group on purpose: ffmpeg and ffprobe start no processes of their own, so a group of
/// their own would add nothing to the tree kill, and it would take them out of the terminal's
/// foreground group, which that Ctrl+C relies on.
/// </remarks>
internal static class ProcessRunner
{
    /// <summary>How many stderr lines to keep for error reports.</summary>
    public const int TailLines = 20;

    /// <summary>Runs <paramref name="program"/> to completion.</summary>
    /// <param name="program">Absolute path of the program.</param>
    /// <param name="arguments">Arguments, passed through <see cref="ProcessStartInfo.ArgumentList"/>.</param>
    /// <param name="onStdoutLine">Called for every stdout line (on a reader thread), or null to ignore stdout.</param>
    /// <param name="onStderrLine">Called for every stderr line (on a reader thread), or null.</param>
    /// <param name="timeout">Wall-clock limit; the process tree is killed when it passes.</param>
    /// <param name="cancellationToken">Kills the process tree and throws <see cref="OperationCanceledException"/>.</param>
    /// <param name="onStarted">Called with the process id once the process has started, or null.</param>
    /// <param name="launcher">Starts the process (default <see cref="ChildLauncher.Default"/>: the child dies with this process).</param>
    /// <exception cref="ToolMissingException">When the program cannot be started.</exception>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> fires before the process exits, or while it exits.</exception>
    /// <remarks>When a line callback throws, the process tree is killed and that exception is rethrown once the process has exited.</remarks>
    public static async Task<ProcessResult> RunAsync(
        string program,
        IReadOnlyList<string> arguments,
        Action<string>? onStdoutLine,
        Action<string>? onStderrLine,
        TimeSpan timeout,
        CancellationToken cancellationToken,
        Action<int>? onStarted = null,
        ChildLauncher? launcher = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        launcher ??= ChildLauncher.Default;
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in arguments) psi.ArgumentList.Add(a);

        var tail = new Queue<string>(TailLines);
        var sw = Stopwatch.StartNew();
        System.Diagnostics.Process started;
        try { started = await launcher.StartAsync(psi).ConfigureAwait(false); }
        catch (Win32Exception e)
        {
            throw new ToolMissingException($"cannot start {Path.GetFileName(program)} ({e.Message}); {FFmpegTools.InstallHint}");
        }
        using var process = started;
        process.StandardInput.Close();
        onStarted?.Invoke(process.Id);

        // A callback that throws must not stop the draining of the pipe (the child would block
        // on a full pipe until its timeout): remember the first failure, kill, keep reading.
        ExceptionDispatchInfo? callbackFailure = null;
        void Deliver(Action<string>? callback, string line)
        {
            if (callback is null || Volatile.Read(ref callbackFailure) is not null) return;
            try { callback(line); }
            catch (Exception e)
        {
                Interlocked.CompareExchange(ref callbackFailure, ExceptionDispatchInfo.Capture(e), null);
                KillTree(process);
            }
        }

        var stdoutTask = Task.Run(async () =>
        {
            string? line;
            while ((line = await process.StandardOutput.ReadLineAsync().ConfigureAwait(false)) is not null)
                Deliver(onStdoutLine, line);
        }, CancellationToken.None);
        var stderrTask = Task.Run(async () =>
        {
            string? line;
            while ((line = await process.StandardError.ReadLineAsync().ConfigureAwait(false)) is not null)
        {
                lock (tail)
                {
                    if (tail.Count == TailLines) tail.Dequeue();
                    tail.Enqueue(line);
                }
                Deliver(onStderrLine, line);
            }
        }, CancellationToken.None);

        using var timeoutCts = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeoutCts.Token, cancellationToken);
        var timedOut = false;
        var killedOnCancel = false;
        try
        {
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            killedOnCancel = cancellationToken.IsCancellationRequested;
            timedOut = !killedOnCancel;
        }
        await Task.WhenAll(stdoutTask, stderrTask).ConfigureAwait(false);
        callbackFailure?.Throw();
        // A cancel that lands while the process is exiting (e.g. ffmpeg stopping on the terminal's
        // SIGINT before the token fired) is still a cancel, not a failure.
        if (killedOnCancel || (cancellationToken.IsCancellationRequested && !timedOut && process.ExitCode != 0))
            throw new OperationCanceledException($"the {Path.GetFileName(program)} run was cancelled", cancellationToken);
        string[] tailCopy;
        lock (tail) tailCopy = [.. tail];
        if (!timedOut && launcher.IsExecFailure(process.ExitCode, tailCopy))
        {
            var said = tailCopy.Last(l => l.StartsWith("setpriv: ", StringComparison.Ordinal));
            throw new ToolMissingException($"cannot start {Path.GetFileName(program)} ({said[(said.LastIndexOf(": ", StringComparison.Ordinal) + 2)..]}); {FFmpegTools.InstallHint}");
        }
        return new ProcessResult(timedOut ? -1 : process.ExitCode, timedOut, tailCopy, sw.Elapsed);
    }

    private static void KillTree(System.Diagnostics.Process process)
    {
        try { process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { /* already exited */ }
        catch (Win32Exception) { /* exiting as we kill it */ }
    }
}
