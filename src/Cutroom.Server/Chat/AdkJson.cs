using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Cutroom.Server.Chat;

/// <summary>
/// Writes <see cref="AdkEvent"/>s as one line of JSON each (no indentation, so a line break in a
/// text is <c>\n</c>), with quotes, apostrophes and non-ASCII text (Chinese replies) kept readable.
/// The relaxed escaping is safe here: the events are served as <c>text/event-stream</c> or inside
/// <c>application/json</c>, never embedded in HTML.
/// </summary>
public static class AdkJson
{
    private static readonly JsonTypeInfo<AdkEvent> EventInfo = CreateInfo();

    /// <summary>The event as one line of JSON.</summary>
    /// <param name="e">The event.</param>
    public static string Serialize(AdkEvent e) => JsonSerializer.Serialize(e, EventInfo);

    private static JsonTypeInfo<AdkEvent> CreateInfo()
    {
        var options = new JsonSerializerOptions(AdkJsonContext.Default.Options)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = false,
        };
        options.MakeReadOnly();
        return (JsonTypeInfo<AdkEvent>)options.GetTypeInfo(typeof(AdkEvent));
    }
}
