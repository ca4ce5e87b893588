namespace Cutroom.Server.Contract;

/// <summary>
/// The one JSON envelope of every answer (contract §1): <c>{"code":0,"message":"ok","data":{...}}</c>,
/// or on error the code of §2, an actionable message (never a stack trace, path or token) and
/// the error's data or null.
/// </summary>
/// <typeparam name="T">The data's shape.</typeparam>
/// <param name="Code">0, or a code of <see cref="ApiCodes"/>.</param>
/// <param name="Message"><c>ok</c>, or what went wrong and what to do.</param>
/// <param name="Data">The payload, or null.</param>
public sealed record Envelope<T>(int Code, string Message, T? Data)
{
    /// <summary>On an error, the message again: where Google ADK's clients read a failure (docs/adk.md); left out on success.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }
}

/// <summary>One problem in a request body: a JSON path (<c>draft.t[1].sg[0].d</c>) and what is wrong.</summary>
/// <param name="Path">JSON path into the request body.</param>
/// <param name="Message">What is wrong there.</param>
public sealed record PathError(string Path, string Message);

/// <summary><c>data</c> of a 4000 answer.</summary>
/// <param name="Errors">Every problem found.</param>
public sealed record ErrorsData(IReadOnlyList<PathError> Errors);

/// <summary><c>data</c> of a 5000 answer.</summary>
/// <param name="RequestId">The request's id (also in <c>X-Request-Id</c>), to report.</param>
public sealed record RequestIdData(string RequestId);

/// <summary><c>data</c> of a 2001 answer.</summary>
/// <param name="BindUrl">The registration page of the caller's account (<c>…/bind?bind=&lt;code&gt;</c>).</param>
/// <param name="Available">Credits available now.</param>
/// <param name="Needed">Credits the operation needs.</param>
public sealed record OutOfCreditsData(string BindUrl, int Available, int Needed);

/// <summary>A file refused by an upload.</summary>
/// <param name="Name">The client's (sanitised) file name.</param>
/// <param name="Reason">Why.</param>
public sealed record RejectedFile(string Name, string Reason);

/// <summary><c>data</c> of 4001/4002 upload answers.</summary>
/// <param name="Rejected">Each refused file.</param>
/// <param name="Accepted">The accepted formats (contract §5).</param>
/// <param name="LimitBytes">The size limit per file (bytes).</param>
public sealed record UploadRejectionData(IReadOnlyList<RejectedFile> Rejected, IReadOnlyList<string> Accepted, long LimitBytes);
