using System.Net;
using System.Text.RegularExpressions;
using Cutroom.Server.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.Accounts;

/// <summary>
/// The registration page behind 2001's <c>bind_url</c> (<c>/bind?bind=&lt;code&gt;</c>): a small form
/// where the user enters an e-mail address to bind the anonymous account. The address is stored
/// (no mail is sent); operators then grant credits with <c>cutroom admin credits</c>.
/// </summary>
public static partial class AccountEndpoints
{
    /// <summary>Maps <c>GET /bind</c> (the form) and <c>POST /bind</c> (form fields <c>bind</c>, <c>email</c>).</summary>
    /// <param name="app">The app.</param>
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/bind", async (HttpContext http, IDbContextFactory<CutroomDb> db) =>
        {
            var code = http.Request.Query["bind"].ToString();
            var account = await FindAsync(db, code, http.RequestAborted);
            if (account is null) return Page(404, "Link not found", "<p>This registration link is not valid. Ask the client for a new one.</p>");
            var bound = account.Email is null ? "" : $"<p>This account is registered to <strong>{Enc(account.Email)}</strong>. You can change the address below.</p>";
            return Page(200, "Register your Cutroom account", bound + Form(code, ""));
        }).WithName("BindPage").WithTags("accounts").ExcludeFromDescription();

        app.MapPost("/bind", async (HttpContext http, IDbContextFactory<CutroomDb> db, TimeProvider clock) =>
        {
            if (!http.Request.HasFormContentType) return Page(400, "Register your Cutroom account", "<p>Send the form.</p>");
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var code = form["bind"].ToString();
            var email = form["email"].ToString().Trim();
            await using var ctx = await db.CreateDbContextAsync(http.RequestAborted);
            var account = code.Length is > 0 and <= 64 ? await ctx.Accounts.FirstOrDefaultAsync(a => a.BindCode == code, http.RequestAborted) : null;
            if (account is null) return Page(404, "Link not found", "<p>This registration link is not valid. Ask the client for a new one.</p>");
            if (email.Length > 254 || !EmailPattern().IsMatch(email))
                return Page(400, "Register your Cutroom account", "<p role=\"alert\">That does not look like an e-mail address.</p>" + Form(code, email));
            account.Email = email;
            account.BoundAt = clock.GetUtcNow().UtcDateTime;
            await ctx.SaveChangesAsync(http.RequestAborted);
            return Page(200, "Account registered", $"<p>Thank you. The account is now registered to <strong>{Enc(email)}</strong>. The operator of this server can add credits to it.</p>");
        }).WithName("Bind").WithTags("accounts").ExcludeFromDescription().DisableAntiforgery();
        return app;
    }

    private static async Task<Data.Entities.Account?> FindAsync(IDbContextFactory<CutroomDb> db, string code, CancellationToken ct)
    {
        if (code.Length is 0 or > 64) return null;
        await using var ctx = await db.CreateDbContextAsync(ct);
        return await ctx.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.BindCode == code, ct);
    }

    private static string Form(string code, string email) =>
        $"""
        <form method="post" action="/bind">
          <input type="hidden" name="bind" value="{Enc(code)}">
          <label for="email">E-mail address</label>
          <input id="email" name="email" type="email" required autocomplete="email" value="{Enc(email)}">
          <button type="submit">Register</button>
        </form>
        """;

    private const string Style =
        "body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#111}label{display:block;margin:.5rem 0 .25rem}" +
        "input[type=email]{width:100%;padding:.5rem;font:inherit}button{margin-top:1rem;padding:.5rem 1rem;font:inherit}";

    private static IResult Page(int status, string title, string body) => TypedResults.Text(
        $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Enc(title)} · Cutroom</title><style>{Style}</style></head>
        <body><main><h1>{Enc(title)}</h1>{body}</main></body></html>
        """, "text/html; charset=utf-8", statusCode: status);

    private static string Enc(string s) => WebUtility.HtmlEncode(s);

    [GeneratedRegex(@"^[^@\s<>""']+@[^@\s<>""']+\.[^@\s<>""']+$")]
    private static partial Regex EmailPattern();
}
