using Cutroom.Engine.Common;
using Cutroom.Contract.Errors;
using System.Text.Json.Nodes;
using Cutroom.Agent.Tools;
using Cutroom.Agent.Tools.Args;
using Cutroom.Contract.Time;
using Cutroom.Engine.Animate;
using Cutroom.Engine.Create;
using Cutroom.Timeline.Edits;
using Cutroom.Timeline.Model;

namespace Cutroom.Agent.Execution.Executors;

/// <summary><c>create_video</c>: a new draft from <see cref="SlideshowBuilder"/> (the same layout as <c>cutroom create</c>); segments name media ids.</summary>
internal sealed class CreateVideoExecutor : IToolExecutor<CreateVideoArgs>
{
    public async Task<ToolOutcome> ExecuteAsync(CreateVideoArgs args, ToolContext ctx)
    {
        foreach (var id in args.Media.Concat(new[] { args.Music, args.Logo }.OfType<string>())) ExecutorKit.PathOf(ctx, id);
        var request = new SlideshowRequest
        {
            Items = args.Media,
            ResolveMedia = id => ExecutorKit.PathOf(ctx, id),
            DisplayName = id => ctx.Session.Media.FirstOrDefault(m => m.Id == id)?.Name,
            Music = args.Music,
            Logo = args.Logo,
            Title = args.Title,
            Captions = args.Captions ?? [],
            Aspect = args.Aspect ?? "16:9",
            Transition = args.Transition ?? "crossfade",
        };
        if (args.DurationMs is { } ms) request = request with { Duration = MediaTime.FromMilliseconds(ms) };
        var draft = await new SlideshowBuilder(ctx.Engine).RunAsync(request, null, ctx.CancellationToken);
        var extras = new List<string>();
        if (args.Music is not null) extras.Add(ctx.T("music", "背景音乐"));
        if (args.Logo is not null) extras.Add(ctx.T("the logo", "标志"));
        if (args.Title is not null) extras.Add(ctx.T($"the title \"{args.Title}\"", $"标题“{args.Title}”"));
        if (args.Captions is { Count: > 0 }) extras.Add(ctx.T("captions", "字幕文字"));
        var n = args.Media.Count;
        var with = extras.Count == 0 ? "" : ctx.T(" with " + string.Join(", ", extras), "，含" + string.Join("、", extras));
        return new ToolOutcome
        {
            Succeeded = true,
            Text = ctx.T($"Built a {ExecutorKit.Time(draft.DurationMs)} {draft.Width}x{draft.Height} video from {n} {(n == 1 ? "item" : "items")}{with}.{Turns.EditAgent.ExportHintEn}",
                $"已用 {n} 个素材做成 {ExecutorKit.Time(draft.DurationMs)}、{draft.Width}x{draft.Height} 的视频{with}。{Turns.EditAgent.ExportHintZh}"),
            NewDraft = draft,
            DraftChanged = true,
            Data = new JsonObject { ["duration_ms"] = draft.DurationMs, ["width"] = draft.Width, ["height"] = draft.Height, ["tracks"] = draft.Tracks.Length },
        };
    }
}

/// <summary><c>animate_image</c>: a new draft holding the image as one still with a Ken Burns motion (rendered by export).</summary>
internal sealed class AnimateImageExecutor : IToolExecutor<AnimateImageArgs>
{
    public async Task<ToolOutcome> ExecuteAsync(AnimateImageArgs args, ToolContext ctx)
    {
        var path = ExecutorKit.PathOf(ctx, args.Media);
        var info = await ctx.Engine.Prober.ProbeAsync(path, measureFrames: false, ctx.CancellationToken);
        var name = ExecutorKit.NameOf(ctx.Session, args.Media);
        if (!info.IsStillImage)
            throw new JobInputException(JobErrorCodes.UnsupportedMedia, JobFields.Input,
                ctx.T($"{name} is not a still image; animate works on photos", $"{name} 不是图片，只能让图片动起来"));
        MediaGuard.RequireVideo(info, ctx.Engine.Limits);   // a damaged picture fails now, not at export
        var canvas = Canvas.ForAspect(args.Aspect ?? "16:9")!;
        var motion = args.Motion ?? KenBurnsMotion.ZoomIn.Name();
        var duration = args.DurationMs ?? AnimateRequest.DefaultDuration.ToMilliseconds();
        var draft = Draft.Create(canvas.Width, canvas.Height) with { Meta = new DraftMeta { Aspect = canvas.Aspect } };
        var added = draft.AddClip(new MediaItem(args.Media, MediaKind.Image, null, name), durationMs: duration);
        if (added.Error is { } e) return ExecutorKit.EditFailed(ctx, e);
        var id = added.SegmentId!;
        draft = added.Value with
        {
            Tracks = [.. added.Value.Tracks.Select(t => t with { Segments = [.. t.Segments.Select(s => s.Id == id ? s with { Meta = s.Meta with { Motion = motion, Fit = Fits.Cover } } : s)] })],
        };
        return new ToolOutcome
        {
            Succeeded = true,
            Text = ctx.T($"Made {name} into a {ExecutorKit.Time(duration)} {canvas.Width}x{canvas.Height} clip with a gentle {motion} camera move.{Turns.EditAgent.ExportHintEn}",
                $"已将 {name} 做成 {ExecutorKit.Time(duration)}、{canvas.Width}x{canvas.Height} 的视频，镜头缓慢{ZhMotion(motion)}。{Turns.EditAgent.ExportHintZh}"),
            NewDraft = draft,
            DraftChanged = true,
            Data = new JsonObject { ["segment"] = id, ["duration_ms"] = duration, ["motion"] = motion },
        };
    }

    private static string ZhMotion(string motion) => motion switch
    {
        "zoom-in" => "推近",
        "zoom-out" => "拉远",
        "pan-left" => "向左平移",
        "pan-right" => "向右平移",
        "pan-up" => "向上平移",
        "pan-down" => "向下平移",
        _ => motion,
    };
}
