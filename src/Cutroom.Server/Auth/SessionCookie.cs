using Cutroom.Server.Contract;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cutroom.Server.Auth;

/// <summary>
/// A same-origin session cookie for a page served by Cutroom whose client cannot send a header (the
/// ADK dev UI): <c>POST /api/auth/session-cookie</c> with a bearer token answers
/// <c>Set-Cookie: cutroom_token=&lt;token&gt;; HttpOnly; SameSite=Strict; Path=/</c> (<c>Secure</c> over
/// HTTPS, <c>Max-Age</c> the token's remaining life), and <c>DELETE</c> clears it. The cookie is taken
/// in place of the header only for a same-origin request: its <c>Origin</c>, when sent, is the server's
/// own, and its <c>Sec-Fetch-Site</c>, when sent, is <c>same-origin</c> or <c>none</c>; a cross-site
/// request carrying it is treated as having no token (1001).
/// </summary>
public static class SessionCookie
{
    /// <summary>The cookie's name.</summary>
    public const string Name = "cutroom_token";

    /// <summary>The cookie's token when the request is same-origin, else null.</summary>
    /// <param name="request">The request.</param>
    public static string? Token(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Cookies.TryGetValue(Name, out var token) || string.IsNullOrEmpty(token)) return null;
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none")) return null;
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase)) return null;
        return token;
    }

    /// <summary>Maps <c>POST</c> and <c>DELETE /api/auth/session-cookie</c> on the authenticated group.</summary>
    /// <param name="api">The authenticated group.</param>
    public static RouteGroupBuilder MapSessionCookie(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/api/auth/session-cookie", async (HttpContext http, TokenService tokens) =>
        {
            var token = BearerFilter.BearerToken(http.Request)
                        ?? throw ApiException.BadRequest("$", "send the token as Authorization: Bearer <token>: the cookie is made from it");
            var expires = await tokens.ExpiryAsync(token, http.RequestAborted);
            http.Response.Cookies.Append(Name, token, new CookieOptions
            {
                HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, Path = "/",
                MaxAge = expires is { } e ? e - DateTime.UtcNow : TimeSpan.Zero,
            });
            return Api.Ok(new CookieData(Name, expires ?? DateTime.UtcNow));
        }).WithName("SessionCookie").WithTags("auth").WithSummary("Set an HttpOnly same-origin cookie with the bearer token, for a page served by Cutroom (the ADK dev UI)");
        api.MapDelete("/api/auth/session-cookie", (HttpContext http) =>
        {
            http.Response.Cookies.Delete(Name, new CookieOptions { Path = "/", SameSite = SameSiteMode.Strict, HttpOnly = true, Secure = http.Request.IsHttps });
            return Api.Ok(new CookieData(Name, DateTime.UtcNow));
        }).WithName("ClearSessionCookie").WithTags("auth");
        return api;
    }

    /// <summary>The answer's data.</summary>
    /// <param name="Cookie">The cookie's name.</param>
    /// <param name="ExpiresAt">When it expires (UTC).</param>
    public sealed record CookieData(string Cookie, DateTime ExpiresAt);
}
