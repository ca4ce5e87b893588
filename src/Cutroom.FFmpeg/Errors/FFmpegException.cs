using Cutroom.Contract.Errors;

namespace Cutroom.FFmpeg.Errors;

/// <summary>
/// An ffmpeg or ffprobe process failed: a non-zero exit code, a timeout or a crash (code
/// <c>ffmpeg_failed</c>), or its output did not verify (code <c>output_invalid</c>).
/// Carries the exit code, the argument list it ran with, and the last lines of its stderr.
/// </summary>
public sealed class FFmpegException : CutroomException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">One line for the user.</param>
    /// <param name="exitCode">The process exit code (-1 when killed on timeout).</param>
    /// <param name="arguments">The arguments the process ran with.</param>
    /// <param name="stderrTail">The last stderr lines (at most ~20).</param>
    /// <param name="code"><see cref="JobErrorCodes.FFmpegFailed"/> or <see cref="JobErrorCodes.OutputInvalid"/>.</param>
    public FFmpegException(string message, int exitCode, IReadOnlyList<string> arguments, IReadOnlyList<string> stderrTail,
        string code = JobErrorCodes.FFmpegFailed)
        : base([new JobError(code, JobFields.Request, message)])
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

    /// <summary>An output that ffmpeg wrote without error but that does not hold what it must (no video stream, empty).</summary>
    /// <param name="message">One line for the user.</param>
    public static FFmpegException InvalidOutput(string message) => new(message, 0, [], [], JobErrorCodes.OutputInvalid);
}

/// <summary>
/// A file could not be used as media: it does not exist (<c>not_found</c>), is not media of a kind
/// the job takes (<c>unsupported_media</c>: a playlist, a text file, no video stream, no picture),
/// is over a size limit (<c>over_limit</c>), or is damaged beyond reading (<c>media_unreadable</c>).
/// </summary>
public sealed class MediaProbeException : CutroomException
{
    /// <summary>Creates the exception with a one-line message.</summary>
    /// <param name="code">One of <see cref="JobErrorCodes"/>: <c>not_found</c>, <c>unsupported_media</c>, <c>over_limit</c>, <c>media_unreadable</c>.</param>
    /// <param name="message">One line for the user, naming the file by its name.</param>
    /// <param name="inner">The cause, if any.</param>
    /// <param name="field">The request field that named the file (<see cref="JobFields.Input"/> by default).</param>
    public MediaProbeException(string code, string message, Exception? inner = null, string field = JobFields.Input)
        : base([new JobError(code, field, message)], inner) { }
}
