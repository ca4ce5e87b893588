using Cutroom.Contract.Errors;
using Cutroom.Contract.Jobs;
using Cutroom.Engine.Common;
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
/// Times are laid out in whole milliseconds, the draft's unit.
/// </summary>
public sealed class SlideshowBuilder : IJob<SlideshowRequest, Draft>
{
    private static readonly string[] AutoMotions = ["zoom-in", "pan-right", "zoom-out", "pan-left"];
    private readonly EngineContext _ctx;

    /// <summary>Creates the builder over an engine context (it probes the items).</summary>
    public SlideshowBuilder(EngineContext ctx) => _ctx = ctx ?? throw new ArgumentNullException(nameof(ctx));

    /// <summary>Builds the draft. Segment <c>src</c> values are the request's item strings.</summary>
    /// <param name="request">The slideshow.</param>
    /// <param name="progress">Receives the fraction of the media probed (stage <c>probing</c>).</param>
    /// <param name="cancellationToken">Cancels probing.</param>
    /// <returns>The draft, its duration derived from its segments.</returns>
    /// <exception cref="JobInputException">
    /// The request is invalid (every problem of <see cref="SlideshowRequest.Validate"/>); an item has no
    /// picture, the logo no picture or the music no sound (<c>unsupported_media</c>); or an edit fails
    /// (its error, on the draft's JSON path).
    /// </exception>
    /// <exception cref="MediaProbeException">An item, the music or the logo is missing or not media.</exception>
    public async Task<Draft> RunAsync(SlideshowRequest request, IProgress<JobProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.ThrowIfInvalid();
        var canvas = request.AspectCanvas!;
        if (request.Size is { } size) canvas = canvas with { Width = size.Width, Height = size.Height };
        var transition = request.TransitionType;
        var resolve = request.ResolveMedia ?? (static (string s) => s);
        var probed = JobProgress.Fractions(progress, "probing");
        var toProbe = request.Items.Count + (request.Logo is null ? 0 : 1) + (request.Music is null ? 0 : 1);
        var done = 0;
        async Task<MediaInfo> Probe(string item)
        {
            var info = await _ctx.Prober.ProbeAsync(resolve(item), measureFrames: false, cancellationToken).ConfigureAwait(false);
            probed?.Report((double)++done / toProbe);
            return info;
        }

        var items = new List<(string Src, MediaInfo Info)>();
        foreach (var item in request.Items)
        {
            var info = await Probe(item).ConfigureAwait(false);
            if (info.Video is null)
                throw new JobInputException(JobErrorCodes.UnsupportedMedia, JobFields.Input, $"'{NameOf(request, item, info)}' has no picture; give photos or clips (sound alone belongs in music)");
            MediaGuard.RequireVideo(info, _ctx.Limits);   // a picture without a frame size (damaged) or over the size limit fails here, not at export
            items.Add((item, info));
        }

        var totalMs = request.Duration.ToMilliseconds();
        var transitionMs = request.TransitionDuration.ToMilliseconds();
        // Durations: clips up to an equal share, photos share the rest (at least 1 s each).
        var share = totalMs / items.Count;
        var clipMs = items.Select(i => i.Info.IsStillImage ? 0 : Math.Min(i.Info.DurationMs ?? share, share)).ToList();
        var photos = items.Count(i => i.Info.IsStillImage);
        var photoMs = photos == 0 ? 0 : Math.Max(1000, (totalMs - clipMs.Sum()) / photos);

        var draft = Draft.Create(canvas.Width, canvas.Height, checked((int)request.FrameRate.Num)) with { Meta = new DraftMeta { Title = request.Title, Aspect = canvas.Aspect } };
        var motionIndex = 0;
        long cursor = 0;
        var starts = new List<(long Start, long Duration)>();
        for (var i = 0; i < items.Count; i++)
        {
            var (src, info) = items[i];
            var still = info.IsStillImage;
            var d = still ? photoMs : clipMs[i];
            if (i == items.Count - 1 && cursor + d < totalMs && still) d = totalMs - cursor; // rounding remainder
            var media = new MediaItem(src, still ? MediaKind.Image : MediaKind.Video, info.DurationMs, NameOf(request, src, info));
            var added = Check(draft.AddClip(media, atMs: cursor, durationMs: d));
            var id = added.SegmentId!;
            draft = added.Draft!;
            draft = Map(draft, id, s => s with
            {
                Meta = s.Meta with
                {
                    Fit = request.Fit,
                    Motion = still ? request.Motion == SlideshowRequest.AutoMotion ? AutoMotions[motionIndex++ % AutoMotions.Length] : request.Motion : s.Meta.Motion,
                },
            });
            if (i > 0 && transition is not null)
                draft = Check(draft.SetTransition(transition, Math.Min(transitionMs, d / 2), id)).Draft!;
            starts.Add((cursor, d));
            cursor += d;
        }

        if (request.Logo is { } logo)
        {
            var info = await Probe(logo).ConfigureAwait(false);
            if (info.Video is null) throw new JobInputException(JobErrorCodes.UnsupportedMedia, SlideshowRequest.Fields.Logo, $"must be a picture ('{NameOf(request, logo, info)}' has none)");
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
            var info = await Probe(music).ConfigureAwait(false);
            if (info.Audio is null) throw new JobInputException(JobErrorCodes.UnsupportedMedia, SlideshowRequest.Fields.Music, $"must have sound ('{NameOf(request, music, info)}' has none)");
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
        result.Error is { } e ? throw new JobInputException(e) : result;

    private static string NameOf(SlideshowRequest request, string id, MediaInfo info) =>
        request.DisplayName?.Invoke(id) ?? Path.GetFileName(info.Path);
}
