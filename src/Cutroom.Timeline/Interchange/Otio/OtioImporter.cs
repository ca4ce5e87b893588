using System.Text.Json;
using static Cutroom.Timeline.Interchange.Otio.OtioValues;
using Cutroom.Contract.Errors;
using Cutroom.Contract.Time;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Interchange.Otio;

/// <summary>
/// Reads an OpenTimelineIO JSON timeline into a draft: each video or audio <c>Track</c> becomes a
/// draft track, its clips segments at the times their gaps and durations add up to,
/// <c>Transition</c>s the <c>m.tr</c> of the clip after them, <c>LinearTimeWarp</c> the speed,
/// and the stack's markers that Cutroom wrote text segments. Keys kept in <c>metadata.cutroom</c>
/// by <see cref="TimelineExporter"/> come back (ids, labels, fit, fades, volume, text style);
/// times always come from the OTIO structure, so cuts made in an NLE win. What a draft cannot
/// hold (nested stacks, freeze frames, clips without media) is reported as coded errors with
/// the path of the OTIO object, every one found.
/// </summary>
public static class OtioImporter
{
    private static readonly string[] PictureExtensions = [".jpg", ".jpeg", ".png", ".webp", ".bmp", ".gif", ".tif", ".tiff", ".heic"];

    /// <summary>Reads an OTIO JSON text (<c>.otio</c>).</summary>
    /// <param name="json">The file's text.</param>
    /// <returns>The draft, or every error found; notes list what was read with a loss.</returns>
    public static TimelineImport Import(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var errors = new List<JobError>();
        var notes = new List<string>();
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 }); }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1})" : "";
            return new TimelineImport(null, [new JobError(JobErrorCodes.InvalidJson, "$", $"not valid JSON{where}")], []);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (!IsSchema(root, "Timeline"))
                return Fail(new JobError(JobErrorCodes.UnknownValue, OtioSchemas.SchemaKey, $"must be an OpenTimelineIO Timeline (got {SchemaOf(root) ?? "no schema"})"));
            var meta = CutroomOf(root);
            if (!root.TryGetProperty("tracks", out var stack) || !IsSchema(stack, "Stack"))
                return Fail(new JobError(JobErrorCodes.Required, "tracks", "must be a Stack of tracks"));
            var tracks = new List<ImportedTrack>();
            int? rate = null;
            if (stack.TryGetProperty("children", out var children) && children.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var child in children.EnumerateArray())
                {
                    var track = ReadTrack(child, $"tracks.children[{i++}]", errors, notes, ref rate);
                    if (track is not null) tracks.Add(track);
                }
            }
            ReadTextMarkers(stack, tracks, errors, notes);
            if (errors.Count > 0) return new TimelineImport(null, errors, notes);
            var fps = meta is { } m && m.TryGetProperty("fps", out var f) && f.TryGetInt32(out var n) ? n : Math.Clamp(rate ?? 30, DraftLimits.MinFps, DraftLimits.MaxFps);
            var draftJson = DraftAssembler.Build(meta, fps, root.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null, tracks);
            var parsed = Json.DraftJson.ParseAndValidate(draftJson);
            return parsed.Draft is null
                ? new TimelineImport(null, parsed.Errors, notes)
                : new TimelineImport(parsed.Draft.WithDerivedDuration(), [], notes);
        }

        TimelineImport Fail(JobError error) => new(null, [error], notes);
    }

    private static ImportedTrack? ReadTrack(JsonElement child, string path, List<JobError> errors, List<string> notes, ref int? rate)
    {
        if (!IsSchema(child, "Track"))
        {
            errors.Add(new JobError(JobErrorCodes.NotApplicable, path, $"a {SchemaOf(child) ?? "value"} directly in the stack cannot be a draft track (only Track)"));
            return null;
        }
        var kind = child.TryGetProperty("kind", out var k) ? k.GetString() : null;
        var type = kind switch { OtioSchemas.VideoKind => 0, OtioSchemas.AudioKind => 1, _ => -1 };
        if (type < 0)
        {
            errors.Add(new JobError(JobErrorCodes.UnknownValue, $"{path}.kind", $"must be Video or Audio (got {kind ?? "nothing"})"));
            return null;
        }
        if (child.TryGetProperty("source_range", out var trim) && trim.ValueKind == JsonValueKind.Object
            && ReadRange(trim, $"{path}.source_range", errors) is { } r && r.Start != MediaTime.Zero)
            errors.Add(new JobError(JobErrorCodes.NotApplicable, $"{path}.source_range", "a track trimmed at its head cannot be a draft track (flatten it in the NLE first)"));
        NoteMarkers(child, path, notes);
        var track = new ImportedTrack(CutroomOf(child), type, StringOf(child, "name"));
        if (!child.TryGetProperty("children", out var items) || items.ValueKind != JsonValueKind.Array) return track;
        var at = MediaTime.Zero;
        (string Type, MediaTime In, MediaTime Out, string Path)? pending = null;
        var previousWasClip = false;
        var i = 0;
        foreach (var item in items.EnumerateArray())
        {
            var itemPath = $"{path}.children[{i++}]";
            var schema = SchemaOf(item) ?? "";
            if (schema.StartsWith("Gap.", StringComparison.Ordinal))
            {
                if (ReadRange(item, "source_range", itemPath, errors) is { } gap) at += gap.Duration;
                if (pending is { } p) notes.Add($"{p.Path}: a transition into a gap was dropped");
                pending = null;
                previousWasClip = false;
            }
            else if (schema.StartsWith("Transition.", StringComparison.Ordinal))
            {
                var inOffset = ReadTime(item, "in_offset", itemPath, errors) ?? MediaTime.Zero;
                var outOffset = ReadTime(item, "out_offset", itemPath, errors) ?? MediaTime.Zero;
                if (!previousWasClip) notes.Add($"{itemPath}: a transition without a clip before it was dropped");
                else pending = (TransitionTypeOf(item, itemPath, notes), inOffset, outOffset, itemPath);
            }
            else if (schema.StartsWith("Clip.", StringComparison.Ordinal))
            {
                var segment = ReadClip(item, itemPath, type, at, pending, errors, notes, ref rate);
                pending = null;
                if (segment is null) { previousWasClip = false; continue; }
                at += segment.Value.Duration;
                if (segment.Value.Segment is { } s) track.Segments.Add(s);
                previousWasClip = segment.Value.Segment is not null;
            }
            else
            {
                errors.Add(new JobError(JobErrorCodes.NotApplicable, itemPath,
                    $"a {(schema.Length > 0 ? schema : "value")} inside a track cannot be a draft segment (nested stacks and tracks: flatten them in the NLE first)"));
            }
        }
        return track;
    }

    private static (ImportedSegment? Segment, MediaTime Duration)? ReadClip(JsonElement clip, string path, int trackType, MediaTime at,
        (string Type, MediaTime In, MediaTime Out, string Path)? pending, List<JobError> errors, List<string> notes, ref int? rate)
    {
        var cutroom = CutroomOf(clip);
        var reference = ReferenceOf(clip);
        var range = clip.TryGetProperty("source_range", out var sr) && sr.ValueKind == JsonValueKind.Object
            ? ReadRange(sr, $"{path}.source_range", errors)
            : reference is { } rf && rf.TryGetProperty("available_range", out var ar) && ar.ValueKind == JsonValueKind.Object ? ReadRange(ar, $"{path}.media_reference.available_range", errors) : null;
        if (range is null)
        {
            errors.Add(new JobError(JobErrorCodes.Required, $"{path}.source_range", "a clip needs a source range (or media with an available range)"));
            return null;
        }
        rate ??= RateOf(clip);
        NoteMarkers(clip, path, notes);
        if (clip.TryGetProperty("enabled", out var en) && en.ValueKind == JsonValueKind.False)
        {
            notes.Add($"{path}: a disabled clip was left out (its time stays empty)");
            return (null, range.Value.Duration);
        }
        var src = cutroom is { } c && c.TryGetProperty("src", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        if (src is null)
        {
            var schema = reference is { } r ? SchemaOf(r) ?? "" : "";
            if (schema.StartsWith("ExternalReference.", StringComparison.Ordinal) && StringOf(reference!.Value, "target_url") is { Length: > 0 } url)
                src = LocalPath(url);
            else
            {
                errors.Add(new JobError(JobErrorCodes.NotApplicable, path,
                    schema.Length == 0 || schema.StartsWith("MissingReference.", StringComparison.Ordinal)
                        ? "a clip without media cannot be a draft segment (relink it in the NLE first)"
                        : $"a clip with a {schema} cannot be a draft segment (only media files: ExternalReference)"));
                return null;
            }
        }
        var inPoint = range.Value.Start;
        if (reference is { } refEl && refEl.TryGetProperty("available_range", out var avail) && avail.ValueKind == JsonValueKind.Object
            && ReadRange(avail, $"{path}.media_reference.available_range", errors) is { } a)
            inPoint -= a.Start;
        var speed = SpeedOf(clip, path, errors, notes);
        string? trType = null;
        long trMs = 0;
        if (pending is { } p)
        {
            trType = p.Type;
            trMs = (p.In + p.Out).ToMilliseconds();
            if (p.In.IsPositive) notes.Add($"{p.Path}: the blend started {p.In.ToMilliseconds()} ms before the cut; the draft starts it at the cut");
        }
        var startMs = at.ToMilliseconds();
        var endMs = (at + range.Value.Duration).ToMilliseconds();
        var name = StringOf(clip, "name");
        var kind = trackType == 1 ? MediaKinds.Audio
            : PictureExtensions.Any(e => src!.EndsWith(e, StringComparison.OrdinalIgnoreCase)) ? MediaKinds.Image : null;
        return (new ImportedSegment(cutroom, src, startMs, endMs, Math.Max(0, inPoint.ToMilliseconds()), speed, trType, trMs,
            string.IsNullOrEmpty(name) ? null : name, kind), range.Value.Duration);
    }

    private static void ReadTextMarkers(JsonElement stack, List<ImportedTrack> tracks, List<JobError> errors, List<string> notes)
    {
        if (!stack.TryGetProperty("markers", out var markers) || markers.ValueKind != JsonValueKind.Array) return;
        var byId = new Dictionary<string, ImportedTrack>();
        var i = 0;
        foreach (var marker in markers.EnumerateArray())
        {
            var path = $"tracks.markers[{i++}]";
            var cutroom = CutroomOf(marker);
            if (cutroom is not { } c || !c.TryGetProperty("segment", out var segment) || segment.ValueKind != JsonValueKind.Object
                || !c.TryGetProperty("track", out var track) || track.ValueKind != JsonValueKind.Object)
            {
                notes.Add($"{path}: a marker that is not a Cutroom text was left out ({StringOf(marker, "name")})");
                continue;
            }
            if (!marker.TryGetProperty("marked_range", out var mr) || ReadRange(mr, $"{path}.marked_range", errors) is not { } range) continue;
            var id = track.TryGetProperty("id", out var tid) && tid.ValueKind == JsonValueKind.String ? tid.GetString()! : "";
            if (!byId.TryGetValue(id, out var imported))
            {
                imported = new ImportedTrack(track, 7, null);
                byId[id] = imported;
                tracks.Add(imported);
            }
            imported.Segments.Add(new ImportedSegment(segment, null, range.Start.ToMilliseconds(), (range.Start + range.Duration).ToMilliseconds(), 0, null, null, 0, null, null));
        }
        foreach (var t in byId.Values) t.Segments.Sort((a, b) => a.StartMs.CompareTo(b.StartMs));
    }

    private static double? SpeedOf(JsonElement clip, string path, List<JobError> errors, List<string> notes)
    {
        if (!clip.TryGetProperty("effects", out var effects) || effects.ValueKind != JsonValueKind.Array) return null;
        double? speed = null;
        var i = 0;
        foreach (var effect in effects.EnumerateArray())
        {
            var effectPath = $"{path}.effects[{i++}]";
            var schema = SchemaOf(effect) ?? "";
            if (schema.StartsWith("LinearTimeWarp.", StringComparison.Ordinal)
                && effect.TryGetProperty("time_scalar", out var scalar) && scalar.TryGetDouble(out var x))
            {
                if (x <= 0) errors.Add(new JobError(JobErrorCodes.NotApplicable, $"{effectPath}.time_scalar", $"a still or reversed clip cannot be a draft segment (got {x})"));
                speed = (speed ?? 1) * x;
            }
            else if (schema.StartsWith("FreezeFrame.", StringComparison.Ordinal))
                errors.Add(new JobError(JobErrorCodes.NotApplicable, effectPath, "a freeze frame cannot be a draft segment"));
            else
                notes.Add($"{effectPath}: the effect {StringOf(effect, "effect_name") ?? schema} was left out");
        }
        return speed is { } s && Math.Abs(s - 1) < 1e-9 ? null : speed;
    }

    private static string TransitionTypeOf(JsonElement transition, string path, List<string> notes)
    {
        if (CutroomOf(transition) is { } c && c.TryGetProperty("type", out var t) && TransitionTypes.Normalize(t.GetString()) is { } stored) return stored;
        if (StringOf(transition, "transition_type") == OtioSchemas.Dissolve) return TransitionTypes.Fade;
        if (TransitionTypes.Normalize(StringOf(transition, "name")) is { } named) return named;
        notes.Add($"{path}: the transition {StringOf(transition, "name") ?? StringOf(transition, "transition_type")} became a crossfade");
        return TransitionTypes.Fade;
    }

    private static void NoteMarkers(JsonElement item, string path, List<string> notes)
    {
        if (item.TryGetProperty("markers", out var m) && m.ValueKind == JsonValueKind.Array && m.GetArrayLength() > 0)
            notes.Add($"{path}.markers: {m.GetArrayLength()} marker(s) left out (the draft keeps markers only on the stack, as texts)");
    }

    private static JsonElement? ReferenceOf(JsonElement clip)
    {
        if (clip.TryGetProperty("media_references", out var refs) && refs.ValueKind == JsonValueKind.Object)
        {
            var key = StringOf(clip, "active_media_reference_key") ?? OtioSchemas.DefaultMedia;
            return refs.TryGetProperty(key, out var r) && r.ValueKind == JsonValueKind.Object ? r : null;
        }
        return clip.TryGetProperty("media_reference", out var one) && one.ValueKind == JsonValueKind.Object ? one : null;
    }

    private static int? RateOf(JsonElement clip) =>
        clip.TryGetProperty("source_range", out var sr) && sr.ValueKind == JsonValueKind.Object && sr.TryGetProperty("duration", out var d)
            && d.TryGetProperty("rate", out var r) && r.TryGetDouble(out var rate) && rate > 0 ? (int)Math.Round(rate) : null;

    /// <summary>A <c>file://</c> URL becomes its local path (a draft on the command line takes paths); anything else stays as written.</summary>
    private static string LocalPath(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsFile ? uri.LocalPath : url;
}
