using System.Collections.Immutable;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Json;

/// <summary>Maps the JSON objects of a draft onto the model, one method per object kind.</summary>
internal static class DraftReader
{
    public static Draft ReadDraft(ObjectReader r)
    {
        r.Require("w", "h", "fps", "t");
        return new()
        {
            Version = r.Int("v") ?? Draft.CurrentVersion,
            Width = r.Int("w") ?? 0,
            Height = r.Int("h") ?? 0,
            Fps = r.Int("fps") ?? 0,
            DurationMs = r.Long("d") ?? 0,
            Meta = r.Object("m", ReadDraftMeta) ?? DraftMeta.Empty,
            Tracks = [.. r.Array("t", (t, _) => ReadTrack(t)) ?? []],
            Extra = r.Rest(),
        };
    }

    private static DraftMeta ReadDraftMeta(ObjectReader r) => new()
    {
        Title = r.String("title"),
        Aspect = r.String("aspect"),
        Platform = r.String("platform"),
        Background = r.String("bg"),
        Extra = r.Rest(),
    };

    private static Track ReadTrack(ObjectReader r)
    {
        r.Require("id", "tt", "sg");
        return new()
        {
            Id = r.String("id") ?? "",
            Type = (TrackType)(r.Int("tt") ?? -1),
            Meta = r.Object("m", ReadTrackMeta) ?? TrackMeta.Empty,
            Segments = [.. r.Array("sg", (s, _) => ReadSegment(s)) ?? []],
            Extra = r.Rest(),
        };
    }

    private static TrackMeta ReadTrackMeta(ObjectReader r) => new()
    {
        Name = r.String("name"),
        Role = r.String("role"),
        Extra = r.Rest(),
    };

    private static Segment ReadSegment(ObjectReader r)
    {
        r.Require("id", "st", "d");
        return new()
        {
            Id = r.String("id") ?? "",
            Src = r.String("src"),
            StartMs = r.Long("st") ?? 0,
            DurationMs = r.Long("d") ?? 0,
            SourceInMs = r.Long("so"),
            Speed = r.Double("sp"),
            Volume = r.Double("vol"),
            Meta = r.Object("m", ReadSegmentMeta) ?? SegmentMeta.Empty,
            Extra = r.Rest(),
        };
    }

    private static SegmentMeta ReadSegmentMeta(ObjectReader r) => new()
    {
        Label = r.String("label"),
        Kind = r.String("kind"),
        Fit = r.String("fit"),
        FadeInMs = r.Long("fi"),
        FadeOutMs = r.Long("fo"),
        Transition = r.Object("tr", ReadTransition),
        Loop = r.Bool("loop"),
        Motion = r.String("motion"),
        Text = r.String("text"),
        Position = r.String("pos"),
        X = r.Double("x"),
        Y = r.Double("y"),
        Size = r.Double("size"),
        Color = r.String("color"),
        Outline = r.Double("outline"),
        Box = r.String("box"),
        Opacity = r.Double("opacity"),
        Scale = r.Double("scale"),
        Margin = r.Double("margin"),
        Extra = r.Rest(),
    };

    private static Transition ReadTransition(ObjectReader r) => new()
    {
        Type = r.String("type") ?? "",
        DurationMs = r.Long("d") ?? 0,
        Extra = r.Rest(),
    };
}
