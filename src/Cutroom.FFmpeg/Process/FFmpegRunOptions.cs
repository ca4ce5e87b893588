namespace Cutroom.FFmpeg.Process;

/// <summary>How to run one ffmpeg command.</summary>
public sealed record FFmpegRunOptions
{
    /// <summary>Wall-clock limit (default 30 minutes); the process tree is killed when it passes.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Receives progress reports (from a reader thread).</summary>
    public IProgress<FFmpegProgress>? Progress { get; init; }

    /// <summary>Receives every stderr line as it arrives (from a reader thread), e.g. to read <c>showinfo</c>.</summary>
    public Action<string>? OnStderrLine { get; init; }

    /// <summary>When set, the command line and the whole stderr are appended to this file (the job's ffmpeg log).</summary>
    public string? LogFile { get; init; }

    /// <summary>Receives ffmpeg's process id once it has started (for logs and diagnostics).</summary>
    public Action<int>? OnStarted { get; init; }

    /// <summary>What the run does, in a few words, for error messages ("extracting frames").</summary>
    public string Purpose { get; init; } = "running ffmpeg";
}
