
namespace Cutroom.Server.Contract;

/// <summary>
/// A refusal with one of the contract's codes, thrown anywhere below an endpoint and turned into
/// the envelope (with the code's HTTP status) by <see cref="Hosting.ErrorEnvelopeMiddleware"/>.
/// </summary>
public sealed class ApiException : Exception
{
    /// <summary>Creates the refusal.</summary>
    /// <param name="code">A code of <see cref="ApiCodes"/>.</param>
    /// <param name="message">What went wrong and what to do (no paths, no tokens).</param>
    /// <param name="data">The envelope's data (a record of <see cref="ServerJson"/>), or null.</param>
    /// <param name="retryAfterSeconds">For 429: the <c>Retry-After</c> header (seconds).</param>
    public ApiException(int code, string message, object? data = null, int? retryAfterSeconds = null) : base(message)
    {
        Code = code;
        Payload = data;
        RetryAfterSeconds = retryAfterSeconds;
    }

    /// <summary>The contract's code.</summary>
    public int Code { get; }

    /// <summary>The envelope's data.</summary>
    public object? Payload { get; }

    /// <summary>Seconds for <c>Retry-After</c>, for 429.</summary>
    public int? RetryAfterSeconds { get; }

    /// <summary>1002: the session is missing or not the caller's (the two are indistinguishable).</summary>
    public static ApiException SessionNotFound() => new(ApiCodes.SessionNotFound, "session not found: create a new session");

    /// <summary>4004: the media item or render is missing or not the caller's.</summary>
    /// <param name="what">What was looked for (<c>render</c>, <c>media item</c>).</param>
    public static ApiException NotFound(string what) => new(ApiCodes.NotFound, $"{what} not found: check the id");

    /// <summary>4000 with one error.</summary>
    /// <param name="path">JSON path of the problem (<c>$</c> for the whole body).</param>
    /// <param name="message">What is wrong.</param>
    public static ApiException BadRequest(string path, string message) =>
        new(ApiCodes.BadRequest, $"invalid request: {message}", new ErrorsData([new PathError(path, message)]));
}
