namespace Cutroom.FFmpeg.Errors;

/// <summary>
/// Root of every infrastructure failure Cutroom raises (ffmpeg failures, unreadable media,
/// missing tools, bad user input to a job). Its <see cref="Exception.Message"/> is one line,
/// written for the user: it names the problem and, where there is one, the fix. It never
/// holds a stack trace, and callers show it as it is.
/// </summary>
public abstract class CutroomException : Exception
{
    /// <summary>Creates the exception with a one-line, user-facing message.</summary>
    protected CutroomException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>
/// A job was asked for something it cannot do with this input: a time beyond the end, a
/// selector that matches no frame, a missing file, an option out of range.
/// Maps to CLI exit code 2 when it is a usage problem (<see cref="IsUsage"/>), 1 otherwise.
/// </summary>
public sealed class JobInputException : CutroomException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">One line naming the problem.</param>
    /// <param name="isUsage">True when the command line itself is wrong (bad option values).</param>
    public JobInputException(string message, bool isUsage = false) : base(message) => IsUsage = isUsage;

    /// <summary>True when the command line itself is wrong.</summary>
    public bool IsUsage { get; }
}

/// <summary>A required program (ffmpeg, ffprobe), encoder, filter or font is missing.</summary>
public sealed class ToolMissingException : CutroomException
{
    /// <summary>Creates the exception; the message should say exactly what to install.</summary>
    public ToolMissingException(string message) : base(message) { }
}
