using Cutroom.Contract.Errors;
using Cutroom.Timeline.Errors;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Validation;

/// <summary>
/// One segment's own keys: <c>st</c> ≥ 0, <c>d</c> > 0, end within 6 h, <c>src</c> on video and
/// audio segments, <c>so</c> ≥ 0, <c>sp</c> 0.25-4, <c>vol</c> 0-2, fades within the segment,
/// and a text on text segments.
/// </summary>
internal static class SegmentRules
{
    public static void Check(Track track, Segment s, string path, List<JobError> errors)
    {
        string P(string key) => JsonPaths.Key(path, key);
        Rule.AtLeastZero(errors, P("st"), s.StartMs);
        if (s.DurationMs <= 0) Rule.Add(errors, JobErrorCodes.OutOfRange, P("d"), "must be > 0");
        else if (s.StartMs >= 0 && s.EndMs > DraftLimits.MaxTimeMs)
            Rule.Add(errors, JobErrorCodes.OutOfRange, P("d"), $"the segment must end by {DraftLimits.MaxTimeMs} ms (6 h)");
        if (track.Type is TrackType.Video or TrackType.Audio && string.IsNullOrWhiteSpace(s.Src))
            Rule.Add(errors, JobErrorCodes.Required, P("src"), "required on video and audio segments (a media id)");
        Rule.AtLeastZero(errors, P("so"), s.SourceInMs);
        Rule.Range(errors, P("sp"), s.Speed, DraftLimits.MinSpeed, DraftLimits.MaxSpeed);
        Rule.Range(errors, P("vol"), s.Volume, 0, DraftLimits.MaxVolume);
        Fades(s, path, errors);
        if (track.Type == TrackType.Text) Text(s, path, errors);
    }

    private static void Fades(Segment s, string path, List<JobError> errors)
    {
        var fi = s.Meta.FadeInMs;
        var fo = s.Meta.FadeOutMs;
        var fiPath = JsonPaths.Key(path, "m.fi");
        var foPath = JsonPaths.Key(path, "m.fo");
        Rule.AtLeastZero(errors, fiPath, fi);
        Rule.AtLeastZero(errors, foPath, fo);
        if (s.DurationMs <= 0) return;
        if (fi > s.DurationMs)
            Rule.Add(errors, JobErrorCodes.OutOfRange, fiPath, $"fade-in ({fi} ms) must not be longer than the segment (d = {s.DurationMs} ms)");
        if (fo > s.DurationMs)
            Rule.Add(errors, JobErrorCodes.OutOfRange, foPath, $"fade-out ({fo} ms) must not be longer than the segment (d = {s.DurationMs} ms)");
        else if (fi is >= 0 && fi <= s.DurationMs && fo >= 0 && fi + fo > s.DurationMs)
            Rule.Add(errors, JobErrorCodes.OutOfRange, foPath, $"fade-in + fade-out ({fi + fo} ms) must not be longer than the segment (d = {s.DurationMs} ms)");
    }

    private static void Text(Segment s, string path, List<JobError> errors)
    {
        var textPath = JsonPaths.Key(path, "m.text");
        if (string.IsNullOrWhiteSpace(s.Meta.Text))
            Rule.Add(errors, JobErrorCodes.Required, textPath, "required on text segments");
        else if (s.Meta.Text.Length > DraftLimits.MaxTextLength)
            Rule.Add(errors, JobErrorCodes.OutOfRange, textPath, $"must be at most {DraftLimits.MaxTextLength} characters");
    }
}
