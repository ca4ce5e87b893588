using Cutroom.Server.Auth;
using Cutroom.Server.Contract;
using Microsoft.AspNetCore.Http;

namespace Cutroom.Server.DevApi;

/// <summary>The developer API takes API keys only (<c>ck_…</c>); an anonymous token answers 401 (after <see cref="BearerFilter"/>).</summary>
public sealed class ApiKeyRequired : IEndpointFilter
{
    /// <inheritdoc/>
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (Caller.Of(context.HttpContext).ApiKeyId is null)
            throw new ApiException(ApiCodes.Unauthorized, "the /v1 API takes an API key (Authorization: Bearer ck_…), not an anonymous token: ask the operator for one");
        return await next(context);
    }
}
