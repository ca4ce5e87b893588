namespace Cutroom.Server.Contract;

/// <summary>The error codes of contract §2, each with its HTTP status.</summary>
public static class ApiCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;
    /// <summary><c>X-Client-Id</c> missing or malformed (HTTP 400).</summary>
    public const int BadClientId = 400;
    /// <summary>Export without attribution headers (HTTP 402).</summary>
    public const int AttributionRequired = 402;
    /// <summary>Rate limited (HTTP 429, <c>Retry-After</c>).</summary>
    public const int RateLimited = 429;
    /// <summary>Token missing, unknown or expired (HTTP 401).</summary>
    public const int Unauthorized = 1001;
    /// <summary>Session not found or not the caller's (HTTP 404).</summary>
    public const int SessionNotFound = 1002;
    /// <summary>Out of credits (HTTP 402, <c>data.bind_url</c>).</summary>
    public const int OutOfCredits = 2001;
    /// <summary>Malformed request or invalid draft (HTTP 400, <c>data.errors</c>).</summary>
    public const int BadRequest = 4000;
    /// <summary>Unsupported file type (HTTP 415, <c>data.accepted</c>).</summary>
    public const int UnsupportedMedia = 4001;
    /// <summary>File too large (HTTP 413, <c>data.limit_bytes</c>).</summary>
    public const int TooLarge = 4002;
    /// <summary>Media item or render not found (HTTP 404).</summary>
    public const int NotFound = 4004;
    /// <summary>Render id reused with another body (HTTP 409).</summary>
    public const int Conflict = 4009;
    /// <summary>Unexpected server error (HTTP 500, <c>data.request_id</c>).</summary>
    public const int ServerError = 5000;
    /// <summary>The disk is full (HTTP 507); not in the contract's table, sent as 5000's sibling (docs/server.md).</summary>
    public const int InsufficientStorage = 5007;

    /// <summary>The HTTP status of <paramref name="code"/>.</summary>
    /// <param name="code">A code above.</param>
    public static int HttpStatus(int code) => code switch
    {
        Ok => 200,
        BadClientId => 400,
        AttributionRequired => 402,
        RateLimited => 429,
        Unauthorized => 401,
        SessionNotFound => 404,
        OutOfCredits => 402,
        BadRequest => 400,
        UnsupportedMedia => 415,
        TooLarge => 413,
        NotFound => 404,
        Conflict => 409,
        InsufficientStorage => 507,
        _ => 500,
    };

    /// <summary>The formats accepted by upload (contract §5), for <c>data.accepted</c> of 4001.</summary>
    public static readonly IReadOnlyList<string> AcceptedFormats =
        ["mp4", "mov", "avi", "webm", "mkv", "jpg", "jpeg", "png", "gif", "webp", "mp3", "wav", "m4a", "aac"];
}
