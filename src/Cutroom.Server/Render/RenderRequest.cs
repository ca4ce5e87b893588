using System.Text.Json;
using System.Text.RegularExpressions;
using Cutroom.Contract.Output;
using Cutroom.Engine.Render;
using Cutroom.Server.Contract;
using Cutroom.Timeline.Json;

namespace Cutroom.Server.Render;

/// <summary>
/// The body of <c>POST /api/render/proxy/lambda</c> (contract §7), read and checked without the
/// database: <c>{"id","sessionId","draft":{…},"output":{"format","quality"}}</c>.
/// </summary>
/// <param name="Id">The client's render id (1-64 of <c>A-Z a-z 0-9 _ -</c>).</param>
/// <param name="SessionId">The session the draft's media belong to (ownership is checked by the caller).</param>
/// <param name="Draft">The draft, checked once here (valid, not empty, its duration derived from the segments).</param>
/// <param name="Format">The output container.</param>
/// <param name="Quality">The quality preset.</param>
public sealed partial record RenderRequest(string Id, string SessionId, RenderableDraft Draft, OutputFormat Format, OutputQuality Quality)
{
    /// <summary>The wire names of <see cref="OutputFormat"/> (<c>output.format</c>).</summary>
    public static readonly IReadOnlyDictionary<string, OutputFormat> Formats = new Dictionary<string, OutputFormat>(StringComparer.Ordinal)
    {
        ["mp4"] = OutputFormat.Mp4, ["webm"] = OutputFormat.Webm, ["mov"] = OutputFormat.Mov, ["gif"] = OutputFormat.Gif,
    };

    /// <summary>The wire names of <see cref="OutputQuality"/> (<c>output.quality</c>).</summary>
    public static readonly IReadOnlyDictionary<string, OutputQuality> Qualities = new Dictionary<string, OutputQuality>(StringComparer.Ordinal)
    {
        ["low"] = OutputQuality.Low, ["medium"] = OutputQuality.Medium, ["high"] = OutputQuality.High,
    };

    /// <summary>The wire name of <see cref="Format"/> (<c>mp4</c>).</summary>
    public string FormatName => NameOf(Format);

    /// <summary>The wire name of <see cref="Quality"/> (<c>high</c>).</summary>
    public string QualityName => Qualities.First(q => q.Value == Quality).Key;

    /// <summary>The wire name of a format, also the output file's extension without its dot.</summary>
    /// <param name="format">A format.</param>
    public static string NameOf(OutputFormat format) => Formats.First(f => f.Value == format).Key;

    /// <summary>Whether <paramref name="id"/> is a valid render id (1-64 of <c>A-Z a-z 0-9 _ -</c>).</summary>
    /// <param name="id">A client's id.</param>
    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>The render id of <paramref name="body"/>, checked first (contract order: body, id, session, attribution, draft).</summary>
    /// <param name="body">The parsed body.</param>
    /// <exception cref="ApiException">4000 (path <c>$</c> or <c>id</c>) when the body is not an object or the id is malformed.</exception>
    public static string ReadId(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object) throw ApiException.BadRequest("$", "the body must be a JSON object");
        var id = body.TryGetProperty("id", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        return IsValidId(id) ? id! : throw ApiException.BadRequest("id", "id is required: 1-64 characters of A-Z a-z 0-9 _ -");
    }

    /// <summary>The session id of <paramref name="body"/> (its ownership is the caller's check: 1002).</summary>
    /// <param name="body">The parsed body (an object).</param>
    /// <exception cref="ApiException">4000 (path <c>sessionId</c>) when it is missing or not a string.</exception>
    public static string ReadSessionId(JsonElement body) =>
        body.TryGetProperty("sessionId", out var e) && e.ValueKind == JsonValueKind.String && e.GetString() is { Length: > 0 } s
            ? s : throw ApiException.BadRequest("sessionId", "sessionId is required: the session_id of your session");

    /// <summary>
    /// Reads the draft and the output settings, collecting EVERY problem: each draft error with its
    /// JSON path in the body (<c>draft.t[1].sg[0].d</c>), a draft without anything to render, and
    /// unknown <c>output.format</c> / <c>output.quality</c> values.
    /// </summary>
    /// <param name="body">The parsed body (an object).</param>
    /// <param name="id">Its id (<see cref="ReadId"/>).</param>
    /// <param name="sessionId">Its session (<see cref="ReadSessionId"/>).</param>
    /// <param name="errors">Receives the problems; the result is null when there are any.</param>
    public static RenderRequest? Read(JsonElement body, string id, string sessionId, List<PathError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        RenderableDraft? draft = null;
        if (!body.TryGetProperty("draft", out var d) || d.ValueKind == JsonValueKind.Null)
            errors.Add(new PathError("draft", "draft is required: send the draft from state (contract §6)"));
        else
        {
            var parsed = DraftJson.Parse(d);
            var problems = parsed.Draft is { } read ? RenderableDraft.TryCreate(read, out draft) : parsed.Errors;
            errors.AddRange(problems.Select(e => new PathError(InBody(e.Field), e.Message)));
        }

        var format = OutputFormat.Mp4;
        var quality = OutputQuality.High;
        if (body.TryGetProperty("output", out var output) && output.ValueKind != JsonValueKind.Null)
        {
            if (output.ValueKind != JsonValueKind.Object)
                errors.Add(new PathError("output", "output must be an object: {\"format\":\"mp4\",\"quality\":\"high\"}"));
            else
            {
                format = Choice(output, "format", Formats, OutputFormat.Mp4, errors);
                quality = Choice(output, "quality", Qualities, OutputQuality.High, errors);
            }
        }
        return errors.Count > before || draft is null ? null : new RenderRequest(id, sessionId, draft, format, quality);
    }

    /// <summary>A draft path (<c>t[1].sg[0].d</c>, or <c>$</c> for the draft itself) as a path into the body (<c>draft.t[1].sg[0].d</c>).</summary>
    /// <param name="draftPath">A path of <see cref="Cutroom.Contract.Errors.JobError.Field"/>.</param>
    public static string InBody(string draftPath) =>
        draftPath is "$" or "" ? "draft" : "draft." + (draftPath.StartsWith("$.", StringComparison.Ordinal) ? draftPath[2..] : draftPath);

    private static T Choice<T>(JsonElement output, string key, IReadOnlyDictionary<string, T> allowed, T fallback, List<PathError> errors)
    {
        if (!output.TryGetProperty(key, out var v) || v.ValueKind == JsonValueKind.Null) return fallback;
        if (v.ValueKind == JsonValueKind.String && allowed.TryGetValue(v.GetString()!.Trim().ToLowerInvariant(), out var found)) return found;
        errors.Add(new PathError("output." + key, $"{key} must be one of {string.Join(", ", allowed.Keys)}"));
        return fallback;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,64}\z")]
    private static partial Regex IdPattern();
}
