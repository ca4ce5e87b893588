namespace Cutroom.Contract.Errors;

/// <summary>
/// The kinds of failure every interface tells apart. The CLI maps a kind to an exit code, the
/// server to a contract code and HTTP status, the agent to a chat sentence
/// (docs/architecture.md, "Errors").
/// </summary>
public enum ErrorKind
{
    /// <summary>The request is wrong: a value out of range, a time past the end, options that exclude each other (HTTP 4000, exit 2).</summary>
    BadInput,
    /// <summary>A file or an item the request names does not exist (HTTP 4004, exit 2).</summary>
    NotFound,
    /// <summary>The input is not media of a kind the job takes: not a video, no picture, a playlist (HTTP 4001, exit 2).</summary>
    UnsupportedMedia,
    /// <summary>The request or its output is over one of the service's limits: frames, seconds, pixels, bytes (HTTP 4002, exit 2).</summary>
    OverLimit,
    /// <summary>The account has not enough credits for the job (HTTP 2001, exit 1).</summary>
    InsufficientCredits,
    /// <summary>The media could not be read or decoded, or ffmpeg failed on it (HTTP 5000, exit 1).</summary>
    MediaFailed,
    /// <summary>A program, encoder, filter or font this machine needs is missing (HTTP 5000, exit 1).</summary>
    ToolMissing,
    /// <summary>Anything else that went wrong inside Cutroom (HTTP 5000, exit 1).</summary>
    Internal,
}
