using System.Globalization;
using System.Text;
using Cutroom.Server.Contract;

namespace Cutroom.Server.DevApi;

/// <summary>
/// Cursor pagination of the developer API's lists (newest first): a cursor is the position after the
/// last item of a page (its creation time and id, base64url), so pages stay stable while new items arrive.
/// </summary>
/// <param name="CreatedAt">The last item's creation time (UTC).</param>
/// <param name="Id">The last item's id.</param>
public sealed record PageCursor(DateTime CreatedAt, string Id)
{
    /// <summary>The default page size.</summary>
    public const int DefaultLimit = 20;

    /// <summary>The largest page size.</summary>
    public const int MaxLimit = 100;

    /// <summary>The cursor as sent to clients.</summary>
    public string Encode() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(CreatedAt.Ticks.ToString(CultureInfo.InvariantCulture) + ":" + Id)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Reads a cursor, or null when none was sent.</summary>
    /// <param name="text">The <c>cursor</c> query value.</param>
    /// <exception cref="ApiException">4000 (field <c>cursor</c>) when it is not one of ours.</exception>
    public static PageCursor? Decode(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        try
        {
            var b64 = text.Replace('-', '+').Replace('_', '/');
            var raw = Encoding.UTF8.GetString(Convert.FromBase64String(b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '=')));
            var colon = raw.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && long.TryParse(raw[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks >= 0 && ticks <= DateTime.MaxValue.Ticks)
                return new PageCursor(new DateTime(ticks, DateTimeKind.Utc), raw[(colon + 1)..]);
        }
        catch (FormatException) { }
        throw ApiException.BadRequest("cursor", "not a cursor of this list: pass next_cursor of the previous page");
    }

    /// <summary>The page size of a <c>limit</c> query value.</summary>
    /// <param name="limit">The value, or null.</param>
    /// <exception cref="ApiException">4000 (field <c>limit</c>) outside 1-100.</exception>
    public static int Limit(int? limit) => limit switch
    {
        null => DefaultLimit,
        >= 1 and <= MaxLimit => limit.Value,
        _ => throw ApiException.BadRequest("limit", $"must be between 1 and {MaxLimit}"),
    };
}
