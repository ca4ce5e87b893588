using Cutroom.Contract.Errors;
using System.Text.Json;
using Cutroom.Server.Contract;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cutroom.Server.Hosting;

/// <summary>
/// Gives every request an id (<c>X-Request-Id</c> on every answer, contract §1) and turns what is
/// thrown below into the envelope: an <see cref="ApiException"/> into its code and status, a
/// malformed JSON body into 4000, a full disk into 507, anything else into 5000 with the request
/// id in <c>data</c> (the exception is logged, never sent: no stack traces, paths or tokens). Every
/// error envelope also carries <c>error</c>, the message again, which is where Google ADK's clients
/// read a failure (docs/adk.md). Under <c>/v1</c> (the developer API) the same failures are written
/// as RFC 9457 problem details instead (<see cref="DevApi.V1Problem"/>).
/// </summary>
/// <param name="next">The rest of the pipeline.</param>
/// <param name="logger">Where unexpected errors are logged.</param>
public sealed class ErrorEnvelopeMiddleware(RequestDelegate next, ILogger<ErrorEnvelopeMiddleware> logger)
{
    /// <summary>The item key of the request id in <see cref="HttpContext.Items"/>.</summary>
    public const string RequestIdKey = "cutroom.request_id";

    /// <summary>Runs the request.</summary>
    /// <param name="context">The request.</param>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var requestId = Ids.New("req");
        context.Items[RequestIdKey] = requestId;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers["X-Request-Id"] = requestId;
            return Task.CompletedTask;
        });
        try
        {
            await next(context);
        }
        catch (ApiException e) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, e.Code, e.Message, e.Payload, e.RetryAfterSeconds);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            var code = e.StatusCode == StatusCodes.Status413PayloadTooLarge ? ApiCodes.TooLarge : ApiCodes.BadRequest;
            await WriteAsync(context, code, code == ApiCodes.TooLarge ? "request body too large" : "malformed request: " + FirstLine(e.Message),
                code == ApiCodes.BadRequest ? new ErrorsData([new PathError("$", FirstLine(e.Message))]) : null);
        }
        catch (JsonException e) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, ApiCodes.BadRequest, "malformed JSON body", new ErrorsData([new PathError(e.Path ?? "$", "not valid JSON")]));
        }
        catch (IOException e) when (IsDiskFull(e) && !context.Response.HasStarted)
        {
            logger.LogError("disk full while handling {Path} ({RequestId})", context.Request.Path, requestId);
            await WriteAsync(context, ApiCodes.InsufficientStorage, "the server's disk is full; try again later", new RequestIdData(requestId));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nothing to answer.
        }
        catch (CutroomException e) when (!context.Response.HasStarted)
        {
            // A job's coded failure that reached an endpoint: the contract code of its kind, as a durable job would fail.
            var code = JobErrorMapping.ApiCodeOf(e);
            if (code == ApiCodes.ServerError)
            {
                logger.LogError(e, "{Code} on {Method} {Path} ({RequestId})", e.Code, context.Request.Method, context.Request.Path, requestId);
                await WriteAsync(context, code, $"{e.Message}; retry later and report request id {requestId}", new RequestIdData(requestId));
            }
            else
            {
                await WriteAsync(context, code, e.Message, code == ApiCodes.BadRequest || DevApi.V1Problem.Applies(context)
                    ? new ErrorsData([.. e.Errors.Select(x => new PathError(x.Field, x.Message))]) : null, engineCode: e.Code);
            }
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            logger.LogError(e, "unexpected error on {Method} {Path} ({RequestId})", context.Request.Method, context.Request.Path, requestId);
            await WriteAsync(context, ApiCodes.ServerError, $"unexpected server error; retry later and report request id {requestId}", new RequestIdData(requestId));
        }
    }

    /// <summary>Whether <paramref name="e"/> means the disk is full (ENOSPC / EDQUOT).</summary>
    /// <param name="e">The error.</param>
    public static bool IsDiskFull(IOException e) => e is not null && (e.HResult is 28 or 122 || (e.HResult & 0xFFFF) is 28 or 112 ||
        e.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("quota", StringComparison.OrdinalIgnoreCase));

    private static string FirstLine(string s) => s.Split('\n')[0].Trim();

    private static async Task WriteAsync(HttpContext context, int code, string message, object? data, int? retryAfterSeconds = null, string? engineCode = null)
    {
        if (DevApi.V1Problem.Applies(context))
        {
            // The developer API answers RFC 9457 problem details instead of the envelope.
            var requestId = context.Items[RequestIdKey] as string ?? "";
            await DevApi.V1Problem.WriteAsync(context, DevApi.V1Problem.Of(code, message, data, requestId, engineCode), retryAfterSeconds);
            return;
        }
        context.Response.Clear();
        if (retryAfterSeconds is { } s) context.Response.Headers.RetryAfter = s.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.StatusCode = ApiCodes.HttpStatus(code);
        context.Response.ContentType = "application/json; charset=utf-8";
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("code", code);
            w.WriteString("message", message);
            w.WriteString("error", message); // what Google ADK's clients read (docs/adk.md)
            w.WritePropertyName("data");
            if (data is null) w.WriteNullValue();
            else JsonSerializer.Serialize(w, data, data.GetType(), ServerJson.Options);
            w.WriteEndObject();
        }
        await context.Response.Body.WriteAsync(buffer.WrittenMemory);
    }
}
