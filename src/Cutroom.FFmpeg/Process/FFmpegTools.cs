using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;

namespace Cutroom.FFmpeg.Process;

/// <summary>
/// Locates the <c>ffmpeg</c> and <c>ffprobe</c> executables: <c>CUTROOM_FFMPEG</c> /
/// <c>CUTROOM_FFPROBE</c> when set, else the first match on <c>PATH</c>.
/// </summary>
public sealed class FFmpegTools
{
    /// <summary>The advice given whenever ffmpeg is missing.</summary>
    public const string InstallHint = "install it with: sudo apt-get install -y ffmpeg (Debian/Ubuntu), or set CUTROOM_FFMPEG and CUTROOM_FFPROBE";

    private static readonly Lazy<FFmpegTools> Default = new(() => new FFmpegTools(
        Find("ffmpeg", "CUTROOM_FFMPEG"), Find("ffprobe", "CUTROOM_FFPROBE")));

    /// <summary>Creates a tool set from explicit paths.</summary>
    public FFmpegTools(string ffmpegPath, string ffprobePath)
    {
        FFmpegPath = ffmpegPath;
        FFprobePath = ffprobePath;
    }

    /// <summary>Absolute path of ffmpeg.</summary>
    public string FFmpegPath { get; }

    /// <summary>Absolute path of ffprobe.</summary>
    public string FFprobePath { get; }

    /// <summary>The tools found from the environment and <c>PATH</c>.</summary>
    /// <exception cref="ToolMissingException">When either program cannot be found.</exception>
    public static FFmpegTools Locate()
    {
        try { return Default.Value; }
        catch (Exception) when (!Default.IsValueCreated)
        {
            // Lazy caches exceptions: retry so that installing ffmpeg mid-process works.
            return new FFmpegTools(Find("ffmpeg", "CUTROOM_FFMPEG"), Find("ffprobe", "CUTROOM_FFPROBE"));
        }
    }

    private static string Find(string name, string envVar)
    {
        var fromEnv = Environment.GetEnvironmentVariable(envVar);
        if (!string.IsNullOrWhiteSpace(fromEnv))
            return File.Exists(fromEnv) ? fromEnv : throw new ToolMissingException($"{envVar} points to '{fromEnv}', which does not exist; {InstallHint}");
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new ToolMissingException($"{name} was not found on PATH; {InstallHint}");
    }
}
