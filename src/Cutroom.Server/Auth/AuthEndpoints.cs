using Cutroom.Server.Contract;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cutroom.Server.Auth;

/// <summary><c>POST /api/auth/anonymous-token</c> (contract §3).</summary>
public static class AuthEndpoints
{
    /// <summary>The answer's data.</summary>
    /// <param name="Token">The bearer token.</param>
    /// <param name="ExpiresAt">When it expires.</param>
    /// <param name="Credits">Available credits.</param>
    /// <param name="ClientId">The client id (echo).</param>
    public sealed record TokenData(string Token, DateTime ExpiresAt, int Credits, string ClientId);

    /// <summary>Maps the endpoint.</summary>
    /// <param name="app">The app.</param>
    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/anonymous-token", async (HttpContext http, TokenService tokens) =>
        {
            var clientId = http.Request.Headers["X-Client-Id"].ToString();
            if (!TokenService.IsValidClientId(clientId))
                return Api.Error<object>(ApiCodes.BadClientId, "X-Client-Id header missing or malformed: send 1-128 characters of A-Z a-z 0-9 - _ (a UUID)", null);
            var issued = await tokens.IssueAsync(clientId, http.RequestAborted);
            return Api.Ok(new TokenData(issued.Token, issued.ExpiresAt, issued.Credits, issued.ClientId));
        })
        .WithName("AnonymousToken").WithTags("auth").RequireRateLimiting(Hosting.RateLimits.TokenIssuePolicy);
        return app;
    }
}
