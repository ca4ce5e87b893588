using System.Globalization;
using System.Text.Json;
using Cutroom.Server.Contract;
using Microsoft.AspNetCore.Http;

namespace Cutroom.Server.DevApi;

/// <summary>
/// The developer API's errors: RFC 9457 problem details (<c>application/problem+json</c>)
/// <c>{"type","title","status","code","field","message","detail","errors":[{"field","message"}],"request_id"}</c>.
/// <c>code</c> is the engine's error code when a job refused the input (<c>out_of_range</c>,
/// <c>not_found</c>, …, <see cref="Cutroom.Contract.Errors.JobErrorCodes"/>) and otherwise the name
/// of the contract code (<see cref="CodeName"/>); <c>field</c> is the first problem's path in the
/// request body (<c>draft.t[1].sg[0].d</c>, <c>$</c> for the body as a whole).
/// </summary>
public static class V1Problem
{
    /// <summary>The path prefix of the developer API.</summary>
    public const string Prefix = "/v1";

    /// <summary>The base of every problem's <c>type</c> URI (<c>urn:cutroom:problem:not_found</c>).</summary>
    public const string TypeBase = "urn:cutroom:problem:";

    /// <summary>One problem in a request (the body's <c>errors</c>).</summary>
    /// <param name="Field">The path in the request body.</param>
    /// <param name="Message">What is wrong there.</param>
    public sealed record FieldError(string Field, string Message);

    /// <summary>The problem document.</summary>
    /// <param name="Type">A URI naming the kind of problem (<see cref="TypeBase"/> + code).</param>
    /// <param name="Title">A short summary of the kind (the same for every problem of a code).</param>
    /// <param name="Status">The HTTP status.</param>
    /// <param name="Code">The machine-readable code.</param>
    /// <param name="Field">The first problem's path in the request, or null.</param>
    /// <param name="Message">What went wrong and what to do (no paths, no tokens).</param>
    /// <param name="Detail">The same text (RFC 9457's member).</param>
    /// <param name="Errors">Every problem with its path, or empty.</param>
    /// <param name="RequestId">The request's id (also in <c>X-Request-Id</c>).</param>
    public sealed record Document(string Type, string Title, int Status, string Code, string? Field, string Message, string Detail,
        IReadOnlyList<FieldError> Errors, string RequestId);

    /// <summary>Whether <paramref name="context"/> is a request of the developer API (an endpoint of its group, which carries <see cref="Marker"/>).</summary>
    /// <param name="context">The request.</param>
    public static bool Applies(HttpContext context) => context?.GetEndpoint()?.Metadata.GetMetadata<Marker>() is not null;

    /// <summary>The endpoint metadata of the developer API's group: its errors are problem details (other endpoints under <c>/v1</c> keep the envelope).</summary>
    public sealed class Marker
    {
        /// <summary>The one instance.</summary>
        public static readonly Marker Instance = new();
    }

    /// <summary>The developer API's name of a contract code (<see cref="ApiCodes"/>).</summary>
    /// <param name="code">A contract code.</param>
    public static string CodeName(int code) => code switch
    {
        ApiCodes.BadRequest or ApiCodes.BadClientId => "invalid_request",
        ApiCodes.Unauthorized => "unauthorized",
        ApiCodes.SessionNotFound or ApiCodes.NotFound => "not_found",
        ApiCodes.UnsupportedMedia => "unsupported_media",
        ApiCodes.TooLarge => "over_limit",
        ApiCodes.Conflict => "conflict",
        ApiCodes.RateLimited => "rate_limited",
        ApiCodes.OutOfCredits => "insufficient_credits",
        ApiCodes.AttributionRequired => "attribution_required",
        ApiCodes.InsufficientStorage => "insufficient_storage",
        _ => "internal",
    };

    /// <summary>The title of a contract code.</summary>
    /// <param name="code">A contract code.</param>
    public static string TitleOf(int code) => code switch
    {
        ApiCodes.BadRequest or ApiCodes.BadClientId => "The request is not valid",
        ApiCodes.Unauthorized => "An API key is required",
        ApiCodes.SessionNotFound or ApiCodes.NotFound => "Not found",
        ApiCodes.UnsupportedMedia => "Unsupported media",
        ApiCodes.TooLarge => "Over a limit",
        ApiCodes.Conflict => "Conflict",
        ApiCodes.RateLimited => "Too many requests",
        ApiCodes.OutOfCredits => "Not enough credits",
        ApiCodes.InsufficientStorage => "The server's disk is full",
        _ => "Server error",
    };

    /// <summary>The problem for a contract code, its data (<see cref="ErrorsData"/> gives the fields) and, for a job's refusal, the engine's code.</summary>
    /// <param name="code">A contract code.</param>
    /// <param name="message">The message.</param>
    /// <param name="data">The envelope's data, or null.</param>
    /// <param name="requestId">The request id.</param>
    /// <param name="engineCode">The engine's code (<see cref="Cutroom.Contract.Errors.JobError.Code"/>), or null.</param>
    public static Document Of(int code, string message, object? data, string requestId, string? engineCode = null)
    {
        var errors = data is ErrorsData e ? e.Errors.Select(x => new FieldError(x.Path, x.Message)).ToList() : [];
        var name = engineCode ?? CodeName(code);
        return new Document(TypeBase + name, TitleOf(code), ApiCodes.HttpStatus(code), name, errors.FirstOrDefault()?.Field, message, message, errors, requestId);
    }

    /// <summary>Writes <paramref name="problem"/> as <c>application/problem+json</c>.</summary>
    /// <param name="context">The request.</param>
    /// <param name="problem">The problem.</param>
    /// <param name="retryAfterSeconds">For 429: <c>Retry-After</c>.</param>
    public static async Task WriteAsync(HttpContext context, Document problem, int? retryAfterSeconds = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problem);
        context.Response.Clear();
        if (retryAfterSeconds is { } s) context.Response.Headers.RetryAfter = s.ToString(CultureInfo.InvariantCulture);
        context.Response.StatusCode = problem.Status;
        context.Response.ContentType = "application/problem+json; charset=utf-8";
        await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(problem, ServerJson.Options));
    }
}
