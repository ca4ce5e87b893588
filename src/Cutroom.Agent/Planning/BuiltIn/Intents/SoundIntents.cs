using System.Globalization;
using System.Text.RegularExpressions;
using Cutroom.Agent.Planning.BuiltIn.Refs;
using Cutroom.Agent.Planning.BuiltIn.Text;
using Cutroom.Agent.Tools;
using Cutroom.Agent.Tools.Args;
using Cutroom.Timeline.Model;

namespace Cutroom.Agent.Planning.BuiltIn.Intents;

/// <summary>
/// Sound: background music (add or replace with volume and fades, remove, fade), volumes and
/// mutes. "Louder"/"quieter" without a number multiply the current volume by 1.5 / 0.5.
/// </summary>
internal static partial class SoundIntents
{
    [GeneratedRegex(@"\b(?:add|use|put|set|include|play|insert)\b|加|添加|加上|配上|配|用|换成|替换")]
    private static partial Regex AddVerbs();

    [GeneratedRegex(@"\b(?:remove|delete|drop|get rid of|take out|no|without|turn off|stop)\b|去掉|删除|删掉|不要|去除|关掉|拿掉")]
    private static partial Regex RemoveVerbs();

    [GeneratedRegex(@"\b(?:volume|louder|quieter|softer|lower|raise|increase|decrease|reduce|turn (?:it |the \w+ )?(?:up|down)|level)\b|音量|大声|小声|调低|调高|降低|提高|减小|增大|轻一点|响一点|声音")]
    private static partial Regex VolumeWords();

    [GeneratedRegex(@"\b(?:mute|silence|silent|no sound)\b|静音|关掉声音|关掉原声|关闭声音|无声|去掉声音|去掉原声|原声关掉|声音关掉|声音去掉")]
    private static partial Regex Mute();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)\s*%")]
    private static partial Regex Percent();

    [GeneratedRegex(@"(?:to|at|=|调到|设为|改为|改成)\s*(\d(?:\.\d+)?)(?![\d%:])")]
    private static partial Regex Factor();

    [GeneratedRegex(@"fade (?:(?:it|the music|the song|the audio) )?in\b(?:[^«]*?(«t\d+»))?|淡入\s*(«t\d+»)?|(«t\d+»)\s*(?:的)?淡入")]
    private static partial Regex FadeIn();

    [GeneratedRegex(@"fade (?:(?:it|the music|the song|the audio) )?out\b(?:[^«]*?(«t\d+»))?|淡出\s*(«t\d+»)?|(«t\d+»)\s*(?:的)?淡出")]
    private static partial Regex FadeOut();

    public static Step? Try(Clause c, PlanContext ctx)
    {
        var music = c.Has(Words.Music);
        var original = c.Has("original audio", "original sound", "video's sound", "video sound", "the video's audio", "clip sound", "voice", "原声", "视频声音", "原来的声音", "人声");
        var everything = c.Has("everything", "all sound", "all audio", "全部", "所有声音", "全部声音");
        var mute = c.Find(Mute()) is not null || c.Has("unmute", "取消静音");
        var volume = c.Find(VolumeWords()) is not null || c.Find(Percent()) is not null && (music || original);
        var audioNamed = References.Named(c, ctx.MediaOf(MediaKind.Audio)).Where(m => m.Stem is not ("music" or "song" or "audio" or "bgm" or "track" or "background")).ToList();

        if (music && !mute)
        {
            var current = ctx.MusicSegment;
            if (c.Find(RemoveVerbs()) is not null && !volume)
                return current is null
                    ? Step.Ask(ctx, "There is no background music on the timeline.", "时间线上没有背景音乐。")
                    : Step.Call(ToolNames.RemoveSegment, new RemoveSegmentArgs { Segment = current.Id });
            var fadeIn = c.Find(FadeIn());
            var fadeOut = c.Find(FadeOut());
            if ((fadeIn is not null || fadeOut is not null) && audioNamed.Count == 0 && current?.Src is { } src && c.Find(AddVerbs()) is null)
                return Step.Call(ToolNames.AddMusic, new AddMusicArgs { Media = src, FadeInMs = Fade(c, fadeIn), FadeOutMs = Fade(c, fadeOut) });
            var adding = c.Find(AddVerbs()) is not null && (audioNamed.Count > 0 || current is null || !volume || c.Has("background music", "as background", "背景音乐") && !volume);
            if (adding || current is null && !volume)
            {
                var audio = References.Media(c, ctx, MediaKind.Audio);
                if (audio.Value is null)
                    return audio.Ambiguous
                        ? Step.Ask(ctx, "Which music should I use? Name the file.", "要用哪首音乐？请说出文件名。")
                        : Step.Ask(ctx, "I have no music yet: upload an MP3, WAV or M4A first, then say \"add music\".", "还没有音乐：请先上传 MP3、WAV 或 M4A，再说“加背景音乐”。");
                var level = Level(c, null);
                return Step.Call(ToolNames.AddMusic, new AddMusicArgs
                {
                    Media = audio.Value.Id, Volume = level is null ? null : Math.Min(1, level.Value),
                    FadeInMs = fadeIn is null ? null : Fade(c, fadeIn), FadeOutMs = fadeOut is null ? null : Fade(c, fadeOut),
                });
            }
        }

        if (!mute && !volume) return null;
        if (everything && mute)
        {
            var calls = new List<ToolCall> { ToolCall.Of(ToolNames.SetVolume, new SetVolumeArgs { Target = "video", Volume = 0 }) };
            if (ctx.MusicSegment is not null) calls.Add(ToolCall.Of(ToolNames.SetVolume, new SetVolumeArgs { Target = "music", Volume = 0 }));
            return new Step(calls);
        }
        string target;
        double current2;
        if (music)
        {
            if (ctx.MusicSegment is not { } m) return Step.Ask(ctx, "There is no background music on the timeline yet. Upload a song and say \"add music\".", "时间线上还没有背景音乐。请上传音乐后说“加背景音乐”。");
            target = "music";
            current2 = m.VolumeFactor;
        }
        else if (!original && References.Visual(c, ctx, allowOnly: false) is { Value: { } seg } && ctx.MainSegments.Count > 1)
        {
            target = seg.Id;
            current2 = seg.VolumeFactor;
        }
        else
        {
            target = "video";
            current2 = ctx.MainSegments.Count > 0 ? ctx.MainSegments[0].VolumeFactor : 1;
        }
        var value = c.Has("unmute", "取消静音") ? 1 : mute ? 0 : Level(c, current2);
        if (value is null) return null;
        return Step.Call(ToolNames.SetVolume, new SetVolumeArgs { Target = target, Volume = value.Value });
    }

    /// <summary>The level asked for: N% or a factor, half, or louder/quieter relative to <paramref name="current"/>.</summary>
    private static double? Level(Clause c, double? current)
    {
        if (c.Find(Percent()) is { } p) return Words.Round2(double.Parse(p.Groups[1].Value, CultureInfo.InvariantCulture) / 100);
        if (c.Find(Factor()) is { } f) return Words.Round2(double.Parse(f.Groups[1].Value, CultureInfo.InvariantCulture));
        if (c.Has("half", "一半")) return 0.5;
        if (current is not { } v) return null;
        if (c.Has("louder", "turn up", "up", "raise", "increase", "boost", "大声", "调高", "提高", "增大", "响一点", "大一点")) return Words.Round2(Math.Min(2, v * 1.5));
        if (c.Has("quieter", "softer", "lower", "down", "decrease", "reduce", "小声", "调低", "降低", "减小", "轻一点", "小一点")) return Words.Round2(v * 0.5);
        return null;
    }

    private static long? Fade(Clause c, Match? m) =>
        m is null ? null : m.Groups.Values.Skip(1).FirstOrDefault(g => g.Success) is { } t ? c.Time(t.Value) : 2000;
}
