using Cutroom.Server.Contract;
using Cutroom.Server.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Cutroom.Server.Auth;

/// <summary>
/// The caller check of every authenticated endpoint (contract §1, docs/adk.md "Auth"): the token of
/// <c>Authorization: Bearer</c>; without one, the token of the same-origin session cookie
/// (<see cref="SessionCookie"/>, for a page served by Cutroom); without either, in
/// <see cref="AuthModes.Local"/> the one local account for a request from this machine
/// (<see cref="LocalRequests"/>). A missing, unknown or expired token answers 1001 (HTTP 401);
/// otherwise the <see cref="Caller"/> is attached.
/// </summary>
public sealed class BearerFilter : IEndpointFilter
{
    /// <inheritdoc/>
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var tokens = http.RequestServices.GetRequiredService<TokenService>();
        var token = BearerToken(http.Request) ?? SessionCookie.Token(http.Request);
        Caller? caller;
        if (token is not null && ApiKeyStore.IsApiKey(token))
        {
            caller = await AuthenticateKeyAsync(http, token);
        }
        else if (token is not null)
        {
            caller = await tokens.AuthenticateAsync(token, http.RequestAborted)
                     ?? throw new ApiException(ApiCodes.Unauthorized, "token unknown or expired: get a new one from POST /api/auth/anonymous-token");
        }
        else if (http.RequestServices.GetRequiredService<ServerOptions>().Auth.Mode == AuthModes.Local)
        {
            LocalRequests.Require(http.Request);
            caller = await tokens.LocalCallerAsync(http.RequestAborted);
        }
        else
        {
            throw new ApiException(ApiCodes.Unauthorized, "token missing: send Authorization: Bearer <token> (get one from POST /api/auth/anonymous-token)");
        }
        caller.Attach(http);
        return await next(context);
    }

    /// <summary>The caller of an API key (<c>ck_…</c>), its rate limit taken.</summary>
    /// <exception cref="ApiException">1001 for an unknown or revoked key; 429 over the key's rate.</exception>
    private static async Task<Caller> AuthenticateKeyAsync(HttpContext http, string token)
    {
        var key = await http.RequestServices.GetRequiredService<ApiKeyStore>().FindAsync(token, http.RequestAborted)
                  ?? throw new ApiException(ApiCodes.Unauthorized, "API key unknown or revoked: ask the operator for a key (cutroom admin keys create)");
        if (http.RequestServices.GetRequiredService<ApiKeyRateLimiter>().TryTake(key.Id, key.RequestsPerMinute) is { } wait)
            throw new ApiException(ApiCodes.RateLimited, $"this API key's rate limit is reached; retry after {wait} seconds", null, wait);
        return new Caller(key.AccountId, "apikey-" + key.Id, key.Hash, key.Id);
    }

    /// <summary>The token of <c>Authorization: Bearer …</c>, or null.</summary>
    /// <param name="request">The request.</param>
    public static string? BearerToken(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return null;
        var token = header[7..].Trim();
        return token.Length == 0 ? null : token;
    }
}
