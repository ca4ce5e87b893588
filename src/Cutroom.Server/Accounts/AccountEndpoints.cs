using Microsoft.AspNetCore.Routing;

namespace Cutroom.Server.Accounts;

/// <summary>PLACEHOLDER: the registration page of <c>bind_url</c>.</summary>
public static class AccountEndpoints
{
    /// <summary>Maps the page.</summary>
    /// <param name="app">The app.</param>
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app) => app;
}
