namespace Cutroom.Timeline.Errors;

/// <summary>The values of <see cref="EditError.Code"/>.</summary>
public static class ErrorCodes
{
    /// <summary>The text is not JSON at all.</summary>
    public const string InvalidJson = "invalid_json";

    /// <summary>A key holds the wrong JSON type (a string where a number belongs, a fraction where ms belong).</summary>
    public const string WrongType = "wrong_type";

    /// <summary>The same key appears twice in one object.</summary>
    public const string DuplicateKey = "duplicate_key";

    /// <summary>A required key is missing or empty.</summary>
    public const string Required = "required";

    /// <summary>A number outside its range.</summary>
    public const string OutOfRange = "out_of_range";

    /// <summary>A canvas side that is odd.</summary>
    public const string NotEven = "not_even";

    /// <summary>A string that is not one of the allowed values (fit, position, transition...).</summary>
    public const string UnknownValue = "unknown_value";

    /// <summary>A <c>tt</c> other than 0, 1 or 7.</summary>
    public const string UnknownTrackType = "unknown_track_type";

    /// <summary>An id that is not 1-64 of <c>A-Z a-z 0-9 _ -</c>.</summary>
    public const string BadId = "bad_id";

    /// <summary>An id used twice in one draft.</summary>
    public const string DuplicateId = "duplicate_id";

    /// <summary>Two segments of one track cover the same time.</summary>
    public const string Overlap = "overlap";

    /// <summary>A transition without a segment that ends where its segment starts.</summary>
    public const string NotAdjacent = "not_adjacent";

    /// <summary>An edit names a segment or track that the draft does not have.</summary>
    public const string NotFound = "not_found";

    /// <summary>An edit that makes no sense for its target (speed of a text, a split outside the segment...).</summary>
    public const string NotApplicable = "not_applicable";
}
