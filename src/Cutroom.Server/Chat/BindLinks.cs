using Cutroom.Server.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.Chat;

/// <summary>The registration link of an account, as 2001 answers carry it (contract §2): <c>{base}/bind?bind={code}</c>.</summary>
/// <param name="db">The database (the account's bind code).</param>
public sealed class BindLinks(IDbContextFactory<CutroomDb> db)
{
    /// <summary>The link of <paramref name="accountId"/>.</summary>
    /// <param name="baseUrl">The server's address as the client sees it (no trailing slash).</param>
    /// <param name="accountId">The account.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <exception cref="InvalidOperationException">The account does not exist.</exception>
    public async Task<string> UrlAsync(string baseUrl, string accountId, CancellationToken cancellationToken)
    {
        var code = await IdAsync(accountId, cancellationToken);
        return $"{baseUrl}/bind?bind={Uri.EscapeDataString(code)}";
    }

    /// <summary>The bind id of <paramref name="accountId"/>: the <c>&lt;id&gt;</c> of its link, which the seeds read from the create-session and state answers (<c>bind_id</c>).</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <exception cref="InvalidOperationException">The account does not exist.</exception>
    public async Task<string> IdAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var ctx = await db.CreateDbContextAsync(cancellationToken);
        return await ctx.Accounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => a.BindCode).FirstAsync(cancellationToken);
    }

    /// <summary>The server's address as the client of <paramref name="request"/> sees it.</summary>
    /// <param name="request">The request.</param>
    public static string BaseUrl(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}{request.PathBase}";
    }
}
