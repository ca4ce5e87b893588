using System.Globalization;

namespace Cutroom.Tests.Shared;

/// <summary>
/// Finds the processes of one test through /proc (Linux), whoever their parent is now: the test
/// starts its process with a unique environment variable, which every descendant inherits (ffmpeg
/// included) and keeps after its parent died and it was handed to init. Other people's ffmpeg on the
/// same machine never carries the mark.
/// </summary>
public sealed class MarkedProcesses
{
    /// <summary>A new unique mark.</summary>
    public MarkedProcesses() => Value = "t" + Guid.NewGuid().ToString("N");

    /// <summary>The environment variable to give the process started by the test.</summary>
    public const string Variable = "CUTROOM_TEST_PROCESS_MARK";

    /// <summary>The mark's value.</summary>
    public string Value { get; }

    /// <summary>One marked process: its id, its name (<c>/proc/PID/comm</c>) and its start time in clock ticks (against pid reuse).</summary>
    public sealed record Entry(int Pid, string Name, ulong StartTicks);

    /// <summary>The marked processes that are alive now (zombies, dead but not yet reaped, are not).</summary>
    public IReadOnlyList<Entry> Alive()
    {
        var needle = System.Text.Encoding.UTF8.GetBytes($"{Variable}={Value}\0");
        var found = new List<Entry>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            try
            {
                var environ = File.ReadAllBytes(Path.Combine(dir, "environ"));
                if (environ.AsSpan().IndexOf(needle) < 0) continue;
                if (Stat(pid) is { } s && s.State is not ('Z' or 'X')) found.Add(new Entry(pid, s.Name, s.StartTicks));
            }
            catch (IOException) { }                 // exited while we looked
            catch (UnauthorizedAccessException) { } // not ours to read
        }
        return found;
    }

    /// <summary>Whether <paramref name="entry"/> (the same process, not a reuse of its id) is still alive (not a zombie).</summary>
    public static bool IsAlive(Entry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Stat(entry.Pid) is { } s && s.StartTicks == entry.StartTicks && s.State is not ('Z' or 'X');
    }

    /// <summary>Sends SIGKILL to every entry still alive (cleanup after a test that found survivors).</summary>
    public static void KillAll(IEnumerable<Entry> entries)
    {
        foreach (var e in entries.Where(IsAlive))
        {
            try { using var p = System.Diagnostics.Process.GetProcessById(e.Pid); p.Kill(); }
            catch (ArgumentException) { }
            catch (InvalidOperationException) { }
        }
    }

    /// <summary>Name, state and start time from <c>/proc/PID/stat</c> (the name is in parentheses and may hold spaces), or null when gone.</summary>
    private static (string Name, char State, ulong StartTicks)? Stat(int pid)
    {
        string text;
        try { text = File.ReadAllText($"/proc/{pid}/stat"); }
        catch (IOException) { return null; }
        var open = text.IndexOf('(', StringComparison.Ordinal);
        var close = text.LastIndexOf(')');
        // After ") ": state is field 3, starttime is field 22 (so index 19 of what follows).
        var rest = text[(close + 2)..].Split(' ');
        return (text[(open + 1)..close], rest[0][0], ulong.Parse(rest[19], CultureInfo.InvariantCulture));
    }
}
