using System.Diagnostics;
using System.Text;

namespace Cutroom.Cli.Tests;

/// <summary>
/// docs/operations.md, "No orphaned ffmpeg": the real <c>cutroom</c> process killed with SIGKILL
/// mid-render takes its ffmpeg with it; without setpriv (the fallback) its ffmpeg is left running,
/// which shows the first test would see an orphan if there were one.
/// </summary>
public class NoOrphanedFFmpegTests
{
    [Fact]
    public void Killing_the_cli_with_SIGKILL_mid_render_leaves_none_of_its_ffmpeg_after_two_seconds()
    {
        using var dir = new TempDir();
        var marks = new MarkedProcesses();
        using var cli = StartLongRender(dir, marks, path: null);
        var ffmpeg = WaitForFFmpeg(cli, marks);

        cli.Process.Kill(); // SIGKILL, the process alone (not its tree)
        cli.Process.WaitForExit();

        var clock = Stopwatch.StartNew();
        IReadOnlyList<MarkedProcesses.Entry> left;
        while ((left = marks.Alive()).Count > 0 && clock.Elapsed < TimeSpan.FromSeconds(2)) Thread.Sleep(50);
        MarkedProcesses.KillAll(left);
        Assert.True(left.Count == 0, $"left running 2 s after the kill: {string.Join(", ", left)} (ffmpeg seen before: {string.Join(", ", ffmpeg)})");
        Assert.DoesNotContain("setpriv", cli.Stderr, StringComparison.Ordinal); // no fallback warning: the guard was on
    }

    [Fact]
    public void Without_setpriv_the_cli_warns_once_and_its_ffmpeg_outlives_a_SIGKILL()
    {
        using var dir = new TempDir();
        // A PATH with ffmpeg and ffprobe only: no setpriv.
        var bin = Directory.CreateDirectory(dir.File("bin")).FullName;
        foreach (var tool in new[] { "ffmpeg", "ffprobe" })
            File.CreateSymbolicLink(Path.Combine(bin, tool), Which(tool));
        var marks = new MarkedProcesses();
        using var cli = StartLongRender(dir, marks, path: bin);
        var ffmpeg = WaitForFFmpeg(cli, marks);

        cli.Process.Kill();
        cli.Process.WaitForExit();
        Thread.Sleep(TimeSpan.FromSeconds(2));
        var left = marks.Alive();
        MarkedProcesses.KillAll(left);

        Assert.Contains(left, e => e.Name == "ffmpeg");
        Assert.Single(cli.Stderr.Split('\n'), l => l.Contains("setpriv (util-linux) was not found", StringComparison.Ordinal));
    }

    /// <summary>Starts <c>cutroom render</c> of a two-minute 1920x1080 zooming photo (chunks of several seconds each): minutes of ffmpeg work.</summary>
    private static Cli StartLongRender(TempDir dir, MarkedProcesses marks, string? path)
    {
        File.WriteAllText(dir.File("d.json"), $$$"""
            {"v":1,"w":1920,"h":1080,"fps":25,"t":[{"id":"v","tt":0,"sg":[
              {"id":"a","src":"{{{TestMedia.Real("image/photo-skagen.jpg")}}}","st":0,"d":120000,"m":{"fit":"cover","motion":"zoom-in"}}]}]}
            """);
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { CutroomCli.Dll, "render", dir.File("d.json"), "-o", dir.File("out.mp4") }) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        psi.Environment["CUTROOM_RENDER_CACHE"] = dir.File("cache");
        // ffmpeg draws the motion itself: a chunk's ffmpeg then has seconds of its own work left after the kill. (Drawn
        // in process, the pipe of the picture closes with the CLI and ffmpeg ends at once, guard or not.)
        psi.Environment["CUTROOM_RENDER_MOTION"] = "ffmpeg";
        psi.Environment[MarkedProcesses.Variable] = marks.Value;
        if (path is not null) psi.Environment["PATH"] = path;
        return new Cli(Process.Start(psi)!);
    }

    /// <summary>
    /// Waits (up to two minutes: the CLI starts and probes first) until an ffmpeg of the CLI has run
    /// for a second: a chunk encode, with seconds of work left (short runs that would end by themselves do not count).
    /// </summary>
    private static IReadOnlyList<MarkedProcesses.Entry> WaitForFFmpeg(Cli cli, MarkedProcesses marks)
    {
        var clock = Stopwatch.StartNew();
        var firstSeen = new Dictionary<MarkedProcesses.Entry, TimeSpan>();
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            Assert.False(cli.Process.HasExited, $"the render ended before the kill: {cli.Stderr}");
            var ffmpeg = marks.Alive().Where(e => e.Name == "ffmpeg").ToList();
            foreach (var e in ffmpeg) firstSeen.TryAdd(e, clock.Elapsed);
            if (ffmpeg.Any(e => clock.Elapsed - firstSeen[e] >= TimeSpan.FromSeconds(1))) return ffmpeg;
            Thread.Sleep(50);
        }
        Assert.Fail($"no ffmpeg of the CLI ran for a second: {cli.Stderr}");
        return [];
    }

    private static string Which(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, tool)).First(File.Exists);

    /// <summary>The CLI process with its stderr collected (stdout drained).</summary>
    private sealed class Cli : IDisposable
    {
        private readonly StringBuilder _stderr = new();

        public Cli(Process process)
        {
            Process = process;
            process.ErrorDataReceived += (_, e) => { lock (_stderr) _stderr.AppendLine(e.Data); };
            process.OutputDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
        }

        public Process Process { get; }

        public string Stderr
        {
            get { lock (_stderr) return _stderr.ToString(); }
        }

        public void Dispose()
        {
            if (!Process.HasExited) { Process.Kill(entireProcessTree: true); Process.WaitForExit(); }
            Process.Dispose();
        }
    }
}
