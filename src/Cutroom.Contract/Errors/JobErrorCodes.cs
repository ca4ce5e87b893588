namespace Cutroom.Contract.Errors;

/// <summary>
/// The one list of <see cref="JobError.Code"/> values, for job requests, drafts and edits alike,
/// and the <see cref="ErrorKind"/> of each.
/// </summary>
public static class JobErrorCodes
{
    /// <summary>The text is not JSON at all.</summary>
    public const string InvalidJson = "invalid_json";
    /// <summary>A value of the wrong type (a string where a number belongs, a fraction where ms belong, text that is not a time).</summary>
    public const string WrongType = "wrong_type";
    /// <summary>The same key appears twice in one object.</summary>
    public const string DuplicateKey = "duplicate_key";
    /// <summary>A required value is missing or empty.</summary>
    public const string Required = "required";
    /// <summary>A number or time outside its range (a time past the end of the media included).</summary>
    public const string OutOfRange = "out_of_range";
    /// <summary>A canvas side that is odd.</summary>
    public const string NotEven = "not_even";
    /// <summary>A string that is not one of the allowed values.</summary>
    public const string UnknownValue = "unknown_value";
    /// <summary>A draft track type other than 0, 1 or 7.</summary>
    public const string UnknownTrackType = "unknown_track_type";
    /// <summary>An id that is not 1-64 of <c>A-Z a-z 0-9 _ -</c>.</summary>
    public const string BadId = "bad_id";
    /// <summary>An id used twice in one draft.</summary>
    public const string DuplicateId = "duplicate_id";
    /// <summary>Two segments of one track cover the same time.</summary>
    public const string Overlap = "overlap";
    /// <summary>A transition without a segment that ends where its segment starts.</summary>
    public const string NotAdjacent = "not_adjacent";
    /// <summary>An edit that makes no sense for its target, or options that exclude each other.</summary>
    public const string NotApplicable = "not_applicable";
    /// <summary>The request selects nothing (no frame matched, nothing to render).</summary>
    public const string NothingSelected = "nothing_selected";
    /// <summary>An output folder that is not new or empty, an output that already exists.</summary>
    public const string OutputExists = "output_exists";

    /// <summary>A file, segment, track or media item the request names does not exist.</summary>
    public const string NotFound = "not_found";

    /// <summary>The input is not media the job takes (not media at all, a playlist, no video stream, no picture).</summary>
    public const string UnsupportedMedia = "unsupported_media";

    /// <summary>Over a limit of the service (frames, clips, seconds, pixels, bytes).</summary>
    public const string OverLimit = "over_limit";

    /// <summary>Not enough credits for the job.</summary>
    public const string InsufficientCredits = "insufficient_credits";

    /// <summary>The media could not be read or decoded.</summary>
    public const string MediaUnreadable = "media_unreadable";
    /// <summary>An ffmpeg or ffprobe run failed (its log tail is kept with the error).</summary>
    public const string FFmpegFailed = "ffmpeg_failed";
    /// <summary>The output did not verify (unreadable, no picture, empty).</summary>
    public const string OutputInvalid = "output_invalid";

    /// <summary>A program, encoder, filter or font is missing.</summary>
    public const string ToolMissing = "tool_missing";

    /// <summary>A failure inside Cutroom that no other code names.</summary>
    public const string Internal = "internal";

    /// <summary>The kind of failure of <paramref name="code"/>; an unknown code is <see cref="ErrorKind.Internal"/>.</summary>
    /// <param name="code">A value of this class.</param>
    public static ErrorKind KindOf(string code) => code switch
    {
        InvalidJson or WrongType or DuplicateKey or Required or OutOfRange or NotEven or UnknownValue or UnknownTrackType
            or BadId or DuplicateId or Overlap or NotAdjacent or NotApplicable or NothingSelected or OutputExists => ErrorKind.BadInput,
        NotFound => ErrorKind.NotFound,
        UnsupportedMedia => ErrorKind.UnsupportedMedia,
        OverLimit => ErrorKind.OverLimit,
        InsufficientCredits => ErrorKind.InsufficientCredits,
        MediaUnreadable or FFmpegFailed or OutputInvalid => ErrorKind.MediaFailed,
        ToolMissing => ErrorKind.ToolMissing,
        _ => ErrorKind.Internal,
    };
}
