using Cutroom.Server.Auth;
using Cutroom.Server.Contract;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cutroom.Server.Credits;

/// <summary><c>GET /api/credits/balance/simple</c> (contract §7).</summary>
public static class CreditsEndpoints
{
    /// <summary>The answer's data: <c>total = available + frozen</c>.</summary>
    /// <param name="Available">Credits that can be spent.</param>
    /// <param name="Frozen">Credits held by running operations.</param>
    /// <param name="Total">Available plus frozen.</param>
    public sealed record BalanceData(int Available, int Frozen, int Total);

    /// <summary>Maps the endpoint on the authenticated group.</summary>
    /// <param name="api">The authenticated group.</param>
    public static RouteGroupBuilder MapCredits(this RouteGroupBuilder api)
    {
        api.MapGet("/api/credits/balance/simple", async (HttpContext http, CreditLedger ledger) =>
        {
            var b = await ledger.BalanceAsync(Caller.Of(http).AccountId, http.RequestAborted);
            return Api.Ok(new BalanceData(b.Available, b.Frozen, b.Total));
        }).WithName("CreditBalance").WithTags("credits");
        return api;
    }
}
