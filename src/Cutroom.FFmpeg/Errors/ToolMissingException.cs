using Cutroom.Contract.Errors;

namespace Cutroom.FFmpeg.Errors;

/// <summary>A required program (ffmpeg, ffprobe, mkfifo), encoder, filter or font is missing (code <c>tool_missing</c>).</summary>
public sealed class ToolMissingException : CutroomException
{
    /// <summary>Creates the exception; the message should say exactly what to install.</summary>
    public ToolMissingException(string message)
        : base([new JobError(JobErrorCodes.ToolMissing, JobFields.Request, message)]) { }
}
