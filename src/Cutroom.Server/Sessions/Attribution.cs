using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Cutroom.Server.Sessions;

/// <summary>
/// The attribution headers <c>X-Skill-Source</c>, <c>X-Skill-Version</c>, <c>X-Skill-Platform</c>
/// (contract §1): accepted everywhere, recorded with the work they start, required by export.
/// </summary>
public static class Attribution
{
    /// <summary>The three header names.</summary>
    public static readonly IReadOnlyList<string> Headers = ["X-Skill-Source", "X-Skill-Version", "X-Skill-Platform"];

    /// <summary>The headers present, as a JSON object (values cut at 100 characters), or null when none is.</summary>
    /// <param name="request">The request.</param>
    public static string? Json(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = Headers.Where(h => !string.IsNullOrWhiteSpace(request.Headers[h]))
            .ToDictionary(h => h, h => request.Headers[h].ToString() is var v && v.Length > 100 ? v[..100] : request.Headers[h].ToString());
        return found.Count == 0 ? null : JsonSerializer.Serialize(found);
    }

    /// <summary>Whether all three headers are present.</summary>
    /// <param name="request">The request.</param>
    public static bool IsComplete(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Headers.All(h => !string.IsNullOrWhiteSpace(request.Headers[h]));
    }
}
