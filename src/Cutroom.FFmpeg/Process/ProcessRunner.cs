using System.Diagnostics;
using System.Text;

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
/// tree. Nothing is read from or written to the child's stdin.
/// </summary>
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
    public static async Task<ProcessResult> RunAsync(
        string program,
        IReadOnlyList<string> arguments,
        Action<string>? onStdoutLine,
        Action<string>? onStderrLine,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
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
        using var process = new System.Diagnostics.Process { StartInfo = psi };
        process.Start();
        process.StandardInput.Close();

        var stdoutTask = Task.Run(async () =>
        {
            string? line;
            while ((line = await process.StandardOutput.ReadLineAsync().ConfigureAwait(false)) is not null)
                onStdoutLine?.Invoke(line);
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
                onStderrLine?.Invoke(line);
            }
        }, CancellationToken.None);

        using var timeoutCts = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeoutCts.Token, cancellationToken);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested)
            {
                await Task.WhenAll(stdoutTask, stderrTask).ConfigureAwait(false);
                throw new OperationCanceledException("the ffmpeg run was cancelled", cancellationToken);
            }
            timedOut = true;
        }
        await Task.WhenAll(stdoutTask, stderrTask).ConfigureAwait(false);
        string[] tailCopy;
        lock (tail) tailCopy = [.. tail];
        return new ProcessResult(timedOut ? -1 : process.ExitCode, timedOut, tailCopy, sw.Elapsed);
    }

    private static void KillTree(System.Diagnostics.Process process)
    {
        try { process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { /* already exited */ }
    }
}
