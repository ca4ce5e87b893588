using System.Diagnostics;

namespace Cutroom.Tests.Shared;

/// <summary>
/// Real media from ../shared/media/fetch-media.sh (folder: CUTROOM_MEDIA or ~/.cache/cutroom-media)
/// and media generated with ffmpeg for a test run (cached per process under the temp folder).
/// </summary>
public static class TestMedia
{
    /// <summary>The folder fetch-media.sh filled.</summary>
    public static string Root { get; } = Environment.GetEnvironmentVariable("CUTROOM_MEDIA") is { Length: > 0 } m
        ? m : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "cutroom-media");

    /// <summary>Path of a real media file, e.g. <c>video/cockatoo.mp4</c>.</summary>
    /// <exception cref="FileNotFoundException">When fetch-media.sh has not been run.</exception>
    public static string Real(string name)
    {
        var p = Path.Combine(Root, name);
        return File.Exists(p) ? p : throw new FileNotFoundException($"{p} is missing: run ../shared/media/fetch-media.sh first");
    }

    /// <summary>Every file listed in the media MANIFEST.tsv (relative names).</summary>
    public static IReadOnlyList<string> AllReal() =>
        File.ReadAllLines(Path.Combine(Root, "MANIFEST.tsv")).Skip(1).Select(l => l.Split('\t')[0]).Where(n => n.Length > 0).ToList();

    private static readonly string GeneratedRoot = Path.Combine(Path.GetTempPath(), $"cutroom-test-media-{Environment.ProcessId}");
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>
    /// Generates (once per test process) a media file with ffmpeg and returns its path.
    /// <paramref name="ffmpegArgs"/> are the arguments between <c>ffmpeg -y</c> and the output path.
    /// </summary>
    public static string Generate(string name, params string[] ffmpegArgs)
    {
        Directory.CreateDirectory(GeneratedRoot);
        var path = Path.Combine(GeneratedRoot, name);
        Gate.Wait();
        try
        {
            if (File.Exists(path)) return path;
            var tmp = Path.Combine(GeneratedRoot, "tmp-" + name);
            Ffmpeg([.. ffmpegArgs, tmp]);
            File.Move(tmp, path);
            return path;
        }
        finally { Gate.Release(); }
    }

    /// <summary>Runs ffmpeg with <c>-y -v error</c> and the given arguments; throws with stderr on failure.</summary>
    public static void Ffmpeg(params string[] args)
    {
        var (code, _, err) = Run("ffmpeg", ["-hide_banner", "-nostdin", "-y", "-v", "error", .. args]);
        if (code != 0) throw new InvalidOperationException($"ffmpeg {string.Join(' ', args)} failed: {err}");
    }

    /// <summary>ffprobe's JSON of a file (<c>-show_format -show_streams</c>), read independently of Cutroom's prober; throws with stderr when ffprobe fails.</summary>
    public static System.Text.Json.JsonElement FfprobeJson(string path)
    {
        var (code, stdout, stderr) = Run("ffprobe", ["-v", "error", "-show_format", "-show_streams", "-of", "json", path]);
        if (code != 0) throw new InvalidOperationException($"ffprobe {path} failed: {stderr}");
        using var doc = System.Text.Json.JsonDocument.Parse(stdout);
        return doc.RootElement.Clone();
    }

    /// <summary>Runs a program and returns exit code, stdout and stderr.</summary>
    public static (int Code, string Stdout, string Stderr) Run(string program, IEnumerable<string> args, string? workingDirectory = null, IDictionary<string, string>? env = null)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null) psi.WorkingDirectory = workingDirectory;
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Decodes one frame of <paramref name="path"/> (all of it for a still) to raw RGB24 bytes at its size.</summary>
    public static byte[] DecodeRgb(string path, int frameIndex = 0)
    {
        var psi = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-hide_banner", "-nostdin", "-v", "error", "-i", path, "-vf", $"select=eq(n\\,{frameIndex})", "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-" })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        using var ms = new MemoryStream();
        p.StandardOutput.BaseStream.CopyTo(ms);
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"decoding {path} failed: {err}");
        return ms.ToArray();
    }

    /// <summary>Mean absolute difference (0-255) between two equally sized RGB buffers.</summary>
    public static double MeanAbsDiff(byte[] a, byte[] b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"sizes differ: {a.Length} vs {b.Length}");
        long sum = 0;
        for (var i = 0; i < a.Length; i++) sum += Math.Abs(a[i] - b[i]);
        return (double)sum / a.Length;
    }
}

/// <summary>A temporary folder deleted on dispose.</summary>
public sealed class TempDir : IDisposable
{
    /// <summary>Creates a fresh folder under the temp path.</summary>
    public TempDir() { Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cutroom-test-" + Guid.NewGuid().ToString("N")[..12]); Directory.CreateDirectory(Path); }
    /// <summary>The folder.</summary>
    public string Path { get; }
    /// <summary>A path inside the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);
    /// <inheritdoc/>
    public void Dispose() { try { Directory.Delete(Path, true); } catch (IOException) { } }
}
