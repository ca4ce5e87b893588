using Cutroom.Engine.Common;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using Cutroom.FFmpeg.Probe;
using Cutroom.Timeline.Edits;
using Cutroom.Timeline.Model;

namespace Cutroom.Engine.Create;

/// <summary>
/// Builds the draft of a slideshow from photos, clips, music, a logo and texts, with the
/// timeline's own edit functions (so the agent and the CLI make the same drafts). Layout: clips
/// keep their length up to an equal share of the duration, photos share what is left, each item
/// after the first enters with the transition, photos get a gentle Ken Burns motion (alternating
/// zoom in, pan right, zoom out, pan left), the title covers the first seconds, each caption sits
/// at the bottom of its item, the logo stays in a corner, and the music is faded out at the end.
/// </summary>
public sealed class SlideshowBuilder
{
    private static readonly string[] AutoMotions = ["zoom-in", "pan-right", "zoom-out", "pan-left"];
    private readonly EngineContext _ctx;

    /// <summary>Creates the builder over an engine context (it probes the items).</summary>
    public SlideshowBuilder(EngineContext ctx) => _ctx = ctx;

    /// <summary>Builds the draft. Segment <c>src</c> values are the request's item strings.</summary>
    /// <param name="request">The slideshow.</param>
    /// <param name="resolve">Maps an item string to a local file (identity for paths).</param>
    /// <param name="cancellationToken">Cancels probing.</param>
    /// <exception cref="JobInputException">No items, a duration out of range, an unknown aspect, transition or motion, or an edit that fails.</exception>
    /// <exception cref="MediaProbeException">An item is missing or not media.</exception>
    public async Task<Draft> BuildAsync(SlideshowRequest request, Func<string, string> resolve, CancellationToken cancellationToken = default)
    {
        if (request.Items.Count == 0) throw new JobInputException("give at least one photo or clip", isUsage: true);
        if (request.Items.Count > 200) throw new JobInputException("at most 200 photos and clips", isUsage: true);
        if (request.DurationMs is < 1000 or > 3_600_000) throw new JobInputException("--duration must be between 1 s and 1 hour", isUsage: true);
        var canvas = Canvas.ForAspect(request.Aspect) ?? throw new JobInputException($"--aspect must be 16:9, 9:16 or 1:1 (got '{request.Aspect}')", isUsage: true);
        if (request.Size is { } size) canvas = canvas with { Width = size.Width, Height = size.Height };
        string? transition = null;
        if (request.Transition is { } t && t != "none")
            transition = TransitionTypes.Normalize(t) ?? throw new JobInputException($"unknown transition '{t}' (try: {string.Join(", ", TransitionTypes.All.Take(8))}...)", isUsage: true);
        if (request.Motion != "auto" && !Motions.All.Contains(request.Motion))
            throw new JobInputException($"--motion must be auto or one of {string.Join(", ", Motions.All)}", isUsage: true);
        if (!Fits.All.Contains(request.Fit)) throw new JobInputException($"--fit must be one of {string.Join(", ", Fits.All)}", isUsage: true);

        var items = new List<(string Src, MediaInfo Info)>();
        foreach (var item in request.Items)
        {
            var info = await _ctx.Prober.ProbeAsync(resolve(item), measureFrames: false, cancellationToken);
            if (info.Video is null) throw new MediaProbeException(JobErrorCodes.UnsupportedMedia, $"'{NameOf(request, item, info)}' has no picture; give photos or clips (music goes to --music)");
            items.Add((item, info));
        }

        // Durations: clips up to an equal share, photos share the rest (at least 1 s each).
        var share = request.DurationMs / items.Count;
        var clipMs = items.Select(i => i.Info.IsStillImage ? 0 : Math.Min(i.Info.DurationMs ?? share, share)).ToList();
        var photos = items.Count(i => i.Info.IsStillImage);
        var photoMs = photos == 0 ? 0 : Math.Max(1000, (request.DurationMs - clipMs.Sum()) / photos);

        var draft = Draft.Create(canvas.Width, canvas.Height, request.Fps) with { Meta = new DraftMeta { Title = request.Title, Aspect = canvas.Aspect } };
        var motionIndex = 0;
        long cursor = 0;
        var starts = new List<(long Start, long Duration)>();
        for (var i = 0; i < items.Count; i++)
        {
            var (src, info) = items[i];
            var still = info.IsStillImage;
            var d = still ? photoMs : clipMs[i];
            if (i == items.Count - 1 && cursor + d < request.DurationMs && still) d = request.DurationMs - cursor; // rounding remainder
            var media = new MediaItem(src, still ? MediaKind.Image : MediaKind.Video, info.DurationMs, NameOf(request, src, info));
            var added = Check(draft.AddClip(media, atMs: cursor, durationMs: d));
            var id = added.SegmentId!;
            draft = added.Draft!;
            draft = Map(draft, id, s => s with
            {
                Meta = s.Meta with
                {
                    Fit = request.Fit,
                    Motion = still ? request.Motion == "auto" ? AutoMotions[motionIndex++ % AutoMotions.Length] : request.Motion : s.Meta.Motion,
                },
            });
            if (i > 0 && transition is not null)
                draft = Check(draft.SetTransition(transition, Math.Min(request.TransitionMs, d / 2), id)).Draft!;
            starts.Add((cursor, d));
            cursor += d;
        }

        if (request.Logo is { } logo)
        {
            var info = await _ctx.Prober.ProbeAsync(resolve(logo), measureFrames: false, cancellationToken);
            if (info.Video is null) throw new MediaProbeException(JobErrorCodes.UnsupportedMedia, $"the logo '{NameOf(request, logo, info)}' has no picture");
            var track = new Track { Id = "trk_logo", Type = TrackType.Video, Meta = new TrackMeta { Name = "Logo" } };
            draft = draft with { Tracks = draft.Tracks.Add(track) };
            var seg = new Segment
            {
                Id = "seg_logo", Src = logo, StartMs = 0, DurationMs = cursor,
                Meta = new SegmentMeta { Label = "logo", Kind = info.IsStillImage ? MediaKinds.Image : MediaKinds.Video, Scale = 0.12, Position = request.LogoPosition, Opacity = 0.9 },
            };
            draft = Check(draft.AddSegment(track.Id, seg)).Draft!;
        }

        if (request.Music is { } music)
        {
            var info = await _ctx.Prober.ProbeAsync(resolve(music), measureFrames: false, cancellationToken);
            if (info.Audio is null) throw new MediaProbeException(JobErrorCodes.UnsupportedMedia, $"the music '{NameOf(request, music, info)}' has no sound");
            draft = Check(draft.SetMusic(new MediaItem(music, MediaKind.Audio, info.DurationMs, NameOf(request, music, info)),
                request.MusicVolume, fadeInMs: 500, fadeOutMs: Math.Min(2000, cursor / 4))).Draft!;
        }

        var textSize = Math.Round(Math.Min(canvas.Width, canvas.Height) / 10.0);
        if (!string.IsNullOrWhiteSpace(request.Title))
        {
            var titleMs = Math.Min(4000, cursor / 3);
            draft = Check(draft.AddText(new TextSpec { Text = request.Title, StartMs = 0, DurationMs = titleMs, Position = "center", Size = textSize, TrackName = "Title" })).Draft!;
            draft = WithFades(draft, "Title");
        }
        for (var i = 0; i < request.Captions.Count && i < starts.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(request.Captions[i])) continue;
            draft = Check(draft.AddText(new TextSpec { Text = request.Captions[i], StartMs = starts[i].Start, DurationMs = starts[i].Duration, Position = "bottom", Size = Math.Round(textSize * 0.6), TrackName = "Captions" })).Draft!;
        }
        return draft.WithDerivedDuration();
    }

    private static Draft WithFades(Draft draft, string trackName)
    {
        var track = draft.Tracks.First(t => t.Meta.Name == trackName);
        foreach (var s in track.Segments) draft = Map(draft, s.Id, x => x with { Meta = x.Meta with { FadeInMs = 400, FadeOutMs = 400 } });
        return draft;
    }

    private static Draft Map(Draft draft, string segmentId, Func<Segment, Segment> change) => draft with
    {
        Tracks = [.. draft.Tracks.Select(t => t with { Segments = [.. t.Segments.Select(s => s.Id == segmentId ? change(s) : s)] })],
    };

    private static EditResult Check(EditResult result) =>
        result.Error is { } e ? throw new JobInputException($"cannot build the slideshow: {e.Message} ({e.Field})") : result;

    private static string NameOf(SlideshowRequest request, string id, MediaInfo info) =>
        request.DisplayName?.Invoke(id) ?? Path.GetFileName(info.Path);
}
