using System.Text.Json;
using Cutroom.Contract.Errors;

namespace Cutroom.Cli.Client;

/// <summary>
/// The server answered with an error envelope (contract §2), after the client's own recoveries
/// (a new token on 1001, one retry after a short <c>Retry-After</c> on 429) did not help.
/// <see cref="ErrorAdvice"/> turns it into what to tell the user.
/// </summary>
public sealed class ApiCallException : CutroomException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The envelope's code (or the HTTP status when the answer was not an envelope).</param>
    /// <param name="message">The envelope's message.</param>
    /// <param name="data">The envelope's <c>data</c> (cloned), or null.</param>
    /// <param name="requestId">The request id (<c>X-Request-Id</c>), or null.</param>
    /// <param name="retryAfter">The <c>Retry-After</c> delay, or null.</param>
    public ApiCallException(int code, string message, JsonElement? data = null, string? requestId = null, TimeSpan? retryAfter = null)
        : base([new JobError(JobCodeOf(code), JobFields.Request, message)])
    {
        ApiCode = code;
        Payload = data;
        RequestId = requestId;
        RetryAfter = retryAfter;
    }

    /// <summary>The contract's code (<c>4004</c>, <c>2001</c>...).</summary>
    public int ApiCode { get; }

    /// <summary>The error's <c>data</c>, or null.</summary>
    public JsonElement? Payload { get; }

    /// <summary>The request id, from <c>data.request_id</c> or the <c>X-Request-Id</c> header.</summary>
    public string? RequestId { get; }

    /// <summary>How long the server asked to wait (429).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The job error code a contract code stands for (the inverse of the server's mapping).</summary>
    private static string JobCodeOf(int apiCode) => apiCode switch
    {
        4000 => JobErrorCodes.NotApplicable,
        4001 => JobErrorCodes.UnsupportedMedia,
        4002 => JobErrorCodes.OverLimit,
        4004 or 1002 => JobErrorCodes.NotFound,
        2001 => JobErrorCodes.InsufficientCredits,
        _ => JobErrorCodes.Internal,
    };
}

/// <summary>The server could not be reached at all (refused, DNS, timeout, connection cut).</summary>
public sealed class ServerUnreachableException : CutroomException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed and where.</param>
    /// <param name="inner">The transport error.</param>
    public ServerUnreachableException(string message, Exception? inner = null)
        : base([new JobError(JobErrorCodes.Internal, JobFields.Request, message)], inner) { }
}
