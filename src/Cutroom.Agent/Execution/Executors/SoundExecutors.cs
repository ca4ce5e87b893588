using System.Globalization;
using Cutroom.Agent.Tools;
using Cutroom.Agent.Tools.Args;
using Cutroom.Timeline.Edits;
using Cutroom.Timeline.Model;

namespace Cutroom.Agent.Execution.Executors;

/// <summary><c>add_music</c>: <see cref="DraftEdits.SetMusic"/>; absent volume and fades keep those of the current music.</summary>
internal sealed class AddMusicExecutor : IToolExecutor<AddMusicArgs>
{
    public Task<ToolOutcome> ExecuteAsync(AddMusicArgs args, ToolContext ctx)
    {
        var media = ExecutorKit.MediaOf(ctx.Session, args.Media);
        if (media is null) return Task.FromResult(ToolOutcome.Failed(ctx.T($"There is no media '{args.Media}' in this session.", $"本会话中没有素材“{args.Media}”。")));
        var draft = ctx.Session.Draft;
        var current = MusicSegment(draft);
        var volume = args.Volume ?? current?.VolumeFactor ?? 1.0;
        var r = draft.SetMusic(media.ToMediaItem(), volume, args.FadeInMs ?? current?.Meta.FadeInMs ?? 0, args.FadeOutMs ?? current?.Meta.FadeOutMs ?? 0);
        if (r.Error is { } e) return Task.FromResult(ExecutorKit.EditFailed(ctx, e));
        var pct = (volume * 100).ToString("0", CultureInfo.InvariantCulture);
        var replaced = current is not null && current.Src != media.Id;
        return Task.FromResult(ToolOutcome.Edited(
            ctx.T($"{(replaced ? "Replaced the background music with" : "Set the background music to")} {media.Name} at {pct}% volume.",
                $"已{(replaced ? "将背景音乐替换为" : "添加背景音乐")} {media.Name}，音量 {pct}%。"), r.Value));
    }

    /// <summary>The music segment (on the track with role music, or named BGM/Music), if any.</summary>
    internal static Segment? MusicSegment(Draft draft) =>
        draft.Tracks.FirstOrDefault(t => t.Type == TrackType.Audio && (t.Meta.Role == TrackRoles.Music || t.Meta.Name is { } n && (n.Equals("BGM", StringComparison.OrdinalIgnoreCase) || n.Equals("Music", StringComparison.OrdinalIgnoreCase))))
            ?.Segments.FirstOrDefault();
}

/// <summary><c>set_volume</c>: <see cref="DraftEdits.SetVolume"/>.</summary>
internal sealed class SetVolumeExecutor : IToolExecutor<SetVolumeArgs>
{
    public Task<ToolOutcome> ExecuteAsync(SetVolumeArgs args, ToolContext ctx)
    {
        var r = ctx.Session.Draft.SetVolume(args.Target, args.Volume);
        if (r.Error is { } e) return Task.FromResult(ExecutorKit.EditFailed(ctx, e));
        var what = args.Target switch
        {
            DraftEdits.MusicTarget => ctx.T("the music", "背景音乐"),
            DraftEdits.VideoTarget => ctx.T("the video's own sound", "视频原声"),
            _ => ExecutorKit.Find(ctx.Session.Draft, args.Target) is { } f ? ExecutorKit.Describe(ctx.Session, f.Segment) : args.Target,
        };
        var text = args.Volume == 0
            ? ctx.T($"Muted {what}.", $"已将{what}静音。")
            : ctx.T($"Set {what} to {(args.Volume * 100).ToString("0", CultureInfo.InvariantCulture)}% volume.", $"已将{what}音量设为 {(args.Volume * 100).ToString("0", CultureInfo.InvariantCulture)}%。");
        return Task.FromResult(ToolOutcome.Edited(text, r.Value));
    }
}
