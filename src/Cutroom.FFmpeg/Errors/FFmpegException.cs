namespace Cutroom.FFmpeg.Errors;

/// <summary>
/// An ffmpeg or ffprobe process failed: a non-zero exit code, a timeout or a crash.
/// Carries the exit code, the argument list it ran with, and the last lines of its stderr.
/// </summary>
public sealed class FFmpegException : CutroomException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">One line for the user.</param>
    /// <param name="exitCode">The process exit code (-1 when killed on timeout).</param>
    /// <param name="arguments">The arguments the process ran with.</param>
    /// <param name="stderrTail">The last stderr lines (at most ~20).</param>
    public FFmpegException(string message, int exitCode, IReadOnlyList<string> arguments, IReadOnlyList<string> stderrTail)
        : base(message)
    {
        ExitCode = exitCode;
        Arguments = arguments;
        StderrTail = stderrTail;
    }

    /// <summary>The process exit code; -1 when the process was killed on timeout.</summary>
    public int ExitCode { get; }

    /// <summary>The argument list the process ran with (the program name excluded).</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The last lines ffmpeg wrote to stderr, oldest first.</summary>
    public IReadOnlyList<string> StderrTail { get; }

    /// <summary>True when the run was stopped because it exceeded its timeout.</summary>
    public bool TimedOut => ExitCode == -1;
}

/// <summary>
/// A file could not be probed as media: it does not exist, is empty, is not a media file ffprobe
/// recognises, or has no stream of the kind the job needs.
/// </summary>
public sealed class MediaProbeException : CutroomException
{
    /// <summary>Creates the exception with a one-line message.</summary>
    public MediaProbeException(string message, Exception? inner = null) : base(message, inner) { }
}
