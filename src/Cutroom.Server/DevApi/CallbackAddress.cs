using Cutroom.Server.Contract;
using Cutroom.Server.Uploads;

namespace Cutroom.Server.DevApi;

/// <summary>
/// Checks a webhook target (<c>callback_url</c>, <c>cutroom admin webhooks add</c>) as URL import
/// checks its URLs (docs/security.md §10): http or https, no user info, the default port; its
/// addresses are checked again when each delivery connects (the webhook sender).
/// </summary>
public static class CallbackAddress
{
    /// <summary>The longest target URL (characters).</summary>
    public const int MaxLength = UploadLimits.MaxUrlLength;

    /// <summary>Why <paramref name="text"/> cannot be a webhook target, or null.</summary>
    /// <param name="text">The URL as sent.</param>
    /// <param name="options">Whether loopback and any port are allowed.</param>
    public static string? Problem(string? text, WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return UrlImporter.Problem(text, options.AllowLoopback, out _);
    }

    /// <summary>The checked target of <paramref name="text"/>.</summary>
    /// <param name="text">The URL as sent.</param>
    /// <param name="field">Its field in the request (<c>callback_url</c>).</param>
    /// <param name="options">Webhook settings.</param>
    /// <exception cref="ApiException">4000 with <paramref name="field"/>.</exception>
    public static string Require(string? text, string field, WebhookOptions options) =>
        Problem(text, options) is { } why ? throw ApiException.BadRequest(field, why) : text!;
}
