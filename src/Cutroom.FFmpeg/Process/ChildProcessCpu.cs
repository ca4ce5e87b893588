using System.Runtime.InteropServices;

namespace Cutroom.FFmpeg.Process;

/// <summary>
/// The CPU time (user + system) that this process's finished children used: the kernel's own
/// accounting of every child once it has exited and been reaped (<c>getrusage(RUSAGE_CHILDREN)</c>),
/// i.e. the sum over each finished ffmpeg and ffprobe run, whether it completed, failed, timed out
/// or was killed. Cutroom's children are ffmpeg and ffprobe (plus a <c>mkfifo</c> per analysis,
/// which costs about a millisecond), so this is Cutroom's ffmpeg CPU time.
/// </summary>
/// <remarks>A running child is counted when it ends, all at once. Exact to the microsecond; Linux only (0 elsewhere).</remarks>
public static class ChildProcessCpu
{
    private const int RusageChildren = -1;

    /// <summary>User + system CPU seconds of every finished child since this process started (monotonic).</summary>
    public static double TotalSeconds
    {
        get
        {
            if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess || NativeMethods.getrusage(RusageChildren, out var u) != 0) return 0;
            return u.UserSeconds + u.UserMicroseconds / 1e6 + u.SystemSeconds + u.SystemMicroseconds / 1e6;
        }
    }

    /// <summary><c>struct rusage</c> of 64-bit Linux: two <c>timeval</c>s, then 14 longs.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        public long MaxRss, Ixrss, Idrss, Isrss, MinorFaults, MajorFaults, Swaps, BlocksIn, BlocksOut, MessagesSent, MessagesReceived, Signals, VoluntarySwitches, InvoluntarySwitches;
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable CA1401, SYSLIB1054 // private, blittable, and the project has no unsafe code for LibraryImport
        internal static extern int getrusage(int who, out Rusage usage);
#pragma warning restore CA1401, SYSLIB1054
    }
}
