using Microsoft.AspNetCore.Http;

namespace Cutroom.Server.Contract;

/// <summary>Typed results in the contract's envelope.</summary>
public static class Api
{
    /// <summary><c>{"code":0,"message":"ok","data":…}</c> with HTTP <paramref name="status"/>.</summary>
    /// <typeparam name="T">The data's shape.</typeparam>
    /// <param name="data">The payload.</param>
    /// <param name="status">200, 201 or 202.</param>
    public static IResult Ok<T>(T data, int status = StatusCodes.Status200OK) =>
        TypedResults.Json(new Envelope<T>(ApiCodes.Ok, "ok", data), ServerJson.Options, statusCode: status);

    /// <summary>An error envelope with the code's HTTP status.</summary>
    /// <typeparam name="T">The data's shape.</typeparam>
    /// <param name="code">A code of <see cref="ApiCodes"/>.</param>
    /// <param name="message">What went wrong and what to do.</param>
    /// <param name="data">The error's data, or null.</param>
    public static IResult Error<T>(int code, string message, T? data) =>
        TypedResults.Json(new Envelope<T>(code, message, data) { Error = message }, ServerJson.Options, statusCode: ApiCodes.HttpStatus(code));
}
