using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cutroom.Server.Chat;

/// <summary>PLACEHOLDER: <c>POST /run_sse</c> (contract §6b).</summary>
public static class ChatEndpoints
{
    /// <summary>Registers the chat services.</summary>
    /// <param name="services">The services.</param>
    public static IServiceCollection AddChat(this IServiceCollection services) => services;

    /// <summary>Maps the endpoint on the authenticated group.</summary>
    /// <param name="api">The authenticated group.</param>
    public static RouteGroupBuilder MapChat(this RouteGroupBuilder api) => api;
}
