using Cutroom.Server.Contract;
using Microsoft.AspNetCore.Http;

namespace Cutroom.Server.Auth;

/// <summary>The authenticated caller of a request (set by <see cref="BearerFilter"/>).</summary>
/// <param name="AccountId">The account.</param>
/// <param name="ClientId">The account's client id.</param>
/// <param name="TokenHash">The hash of the token used (the rate limiter's partition key).</param>
/// <param name="ApiKeyId">The API key used (<c>key_…</c>), or null for an anonymous token.</param>
public sealed record Caller(string AccountId, string ClientId, string TokenHash, string? ApiKeyId = null)
{
    private const string Key = "cutroom.caller";

    /// <summary>The caller of <paramref name="context"/>.</summary>
    /// <param name="context">The request.</param>
    /// <exception cref="ApiException">1001 when the request was not authenticated.</exception>
    public static Caller Of(HttpContext context) =>
        context?.Items[Key] as Caller ?? throw new ApiException(ApiCodes.Unauthorized, "token missing: get one from POST /api/auth/anonymous-token");

    internal void Attach(HttpContext context) => context.Items[Key] = this;
}
