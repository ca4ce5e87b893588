using System.Collections.Concurrent;
using System.Diagnostics;

namespace Cutroom.FFmpeg.Process;

/// <summary>
/// Starts Cutroom's child processes (ffmpeg, ffprobe) so that none outlives Cutroom, even when
/// Cutroom is killed with SIGKILL: each child is started as util-linux
/// <c>setpriv --pdeathsig KILL -- program args...</c>. setpriv asks the kernel
/// (<c>prctl(PR_SET_PDEATHSIG)</c>) to send the child SIGKILL when its parent dies, then execs the
/// program in the same process (same pid), and the setting survives the exec.
/// </summary>
/// <remarks>
/// <para>The kernel's "parent" here is the <em>thread</em> that forked the child, not the process:
/// the signal is sent as soon as that thread exits. .NET forks on the thread that calls
/// <see cref="System.Diagnostics.Process.Start()"/>, and thread-pool threads retire when idle, so a
/// child started from an arbitrary thread would be killed mid-run when its thread retired. Every
/// guarded start therefore runs on one dedicated launcher thread that lives as long as the process
/// (it only starts processes; reading their output and waiting happen elsewhere).</para>
/// <para>When setpriv is missing or does not know <c>--pdeathsig</c> (util-linux before 2.33),
/// children are started directly, as before this guard existed, and one warning goes to stderr.</para>
/// <para>The guard has one tiny window: if Cutroom dies between the fork and setpriv's
/// <c>prctl</c> call (microseconds), that child is not covered.</para>
/// </remarks>
internal sealed class ChildLauncher
{
    /// <summary>The launcher over the <c>setpriv</c> found on <c>PATH</c> (or none).</summary>
    public static ChildLauncher Default { get; } = new(FindOnPath("setpriv"));

    private readonly string? _setpriv;
    private readonly Action<string> _warn;
    private readonly Lazy<bool> _guards;
    private readonly Lazy<BlockingCollection<Action>> _queue;

    /// <summary>Creates a launcher.</summary>
    /// <param name="setprivPath">Absolute path of setpriv, or null when there is none.</param>
    /// <param name="warn">Receives the one warning when children cannot be guarded (default: a line on stderr).</param>
    internal ChildLauncher(string? setprivPath, Action<string>? warn = null)
    {
        _setpriv = setprivPath;
        _warn = warn ?? (m => Console.Error.WriteLine("cutroom: warning: " + m));
        _guards = new Lazy<bool>(CheckGuard, LazyThreadSafetyMode.ExecutionAndPublication);
        _queue = new Lazy<BlockingCollection<Action>>(StartLauncherThread, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// True when children die with this process (setpriv is usable). Checked once, on first use,
    /// by running <c>setpriv --pdeathsig KILL -- setpriv --version</c>; when false the warning has been given.
    /// </summary>
    public bool GuardsChildren => _guards.Value;

    /// <summary>
    /// Starts <paramref name="startInfo"/> (program and <see cref="ProcessStartInfo.ArgumentList"/>, no shell):
    /// guarded through setpriv on the launcher thread when <see cref="GuardsChildren"/>, else directly on the calling thread.
    /// </summary>
    /// <param name="startInfo">What to start; when guarded, its program and arguments are rewritten to go through setpriv.</param>
    /// <returns>The started process (its id is the program's: setpriv execs it).</returns>
    /// <exception cref="System.ComponentModel.Win32Exception">When the process cannot be started (unguarded: the program itself is missing).</exception>
    /// <remarks>When guarded, a program that exists but cannot be executed makes setpriv exit 126 (127 when missing) with
    /// <c>setpriv: failed to execute ...</c> on stderr (<see cref="IsExecFailure"/>).</remarks>
    public Task<System.Diagnostics.Process> StartAsync(ProcessStartInfo startInfo)
    {
        ArgumentNullException.ThrowIfNull(startInfo);
        var process = new System.Diagnostics.Process { StartInfo = startInfo };
        if (!GuardsChildren)
        {
            try { process.Start(); }
            catch { process.Dispose(); throw; }
            return Task.FromResult(process);
        }
        startInfo.ArgumentList.Insert(0, startInfo.FileName);
        startInfo.ArgumentList.Insert(0, "--");
        startInfo.ArgumentList.Insert(0, "KILL");
        startInfo.ArgumentList.Insert(0, "--pdeathsig");
        startInfo.FileName = _setpriv!;
        // Continuations must not run on the launcher thread: it only starts processes.
        var started = new TaskCompletionSource<System.Diagnostics.Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Value.Add(() =>
        {
            try
            {
                process.Start();
                started.SetResult(process);
            }
            catch (Exception e)
            {
                process.Dispose();
                started.SetException(e);
            }
        });
        return started.Task;
    }

    /// <summary>Whether a guarded run's exit code and stderr say setpriv could not execute the program (126 or 127 and setpriv's own message).</summary>
    /// <param name="exitCode">The run's exit code.</param>
    /// <param name="stderrTail">The run's last stderr lines.</param>
    public bool IsExecFailure(int exitCode, IReadOnlyList<string> stderrTail) =>
        _setpriv is not null && (exitCode is 126 or 127) && stderrTail.Any(l => l.StartsWith("setpriv: failed to execute", StringComparison.Ordinal));

    private bool CheckGuard()
    {
        if (!OperatingSystem.IsLinux())
            return false; // PR_SET_PDEATHSIG is Linux's; elsewhere children start as before, silently
        if (_setpriv is null)
        {
            _warn("setpriv (util-linux) was not found on PATH: ffmpeg will not be stopped if Cutroom is killed (install util-linux)");
            return false;
        }
        try
        {
            var psi = new ProcessStartInfo(_setpriv) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "--pdeathsig", "KILL", "--", _setpriv, "--version" }) psi.ArgumentList.Add(a);
            using var p = System.Diagnostics.Process.Start(psi)!;
            var stderr = p.StandardError.ReadToEndAsync();
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode == 0) return true;
            _warn($"{_setpriv} --pdeathsig failed ({stderr.Result.Trim()}): ffmpeg will not be stopped if Cutroom is killed (util-linux 2.33 or later is needed)");
        }
        catch (Exception e)
        {
            _warn($"{_setpriv} could not be run ({e.Message}): ffmpeg will not be stopped if Cutroom is killed");
        }
        return false;
    }

    private static BlockingCollection<Action> StartLauncherThread()
    {
        var queue = new BlockingCollection<Action>();
        var thread = new Thread(() =>
        {
            foreach (var start in queue.GetConsumingEnumerable()) start(); // each start catches its own failures
        })
        {
            IsBackground = true, // never keeps the process alive; it ends with the process, which is the point
            Name = "cutroom-child-launcher",
        };
        thread.Start();
        return queue;
    }

    /// <summary>The first <paramref name="name"/> on <c>PATH</c>, or null.</summary>
    internal static string? FindOnPath(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
