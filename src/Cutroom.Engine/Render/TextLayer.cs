using System.Globalization;
using Cutroom.Contract.Time;
using Cutroom.Engine.Common;
using Cutroom.FFmpeg.Graph;
using Cutroom.Timeline.Model;

namespace Cutroom.Engine.Render;

/// <summary>
/// Draws a text track's segments with ffmpeg <c>drawtext</c>. The text itself never enters the
/// filter graph: it is written to a file read with <c>textfile=</c> and <c>expansion=none</c>, so
/// quotes, colons, <c>%</c>, backslashes and newlines are drawn literally. The font is Noto Sans CJK
/// (Debian <c>fonts-noto-cjk</c>), which covers Latin, Greek, Cyrillic and Chinese/Japanese/Korean;
/// colour emoji are not drawn (drawtext renders outline glyphs only).
/// </summary>
internal static class TextLayer
{
    /// <summary>Default text size: 1/14 of the canvas height (77 px at 1080).</summary>
    public static int DefaultSize(int canvasHeight) => Math.Max(12, canvasHeight / 14);

    public static GraphStream Draw(RenderGraph g, GraphStream canvas, Track track)
    {
        var font = Fonts.Require(Fonts.Cjk);
        foreach (var seg in track.Segments.OrderBy(s => s.StartMs))
        {
            if (string.IsNullOrEmpty(seg.Meta.Text)) continue;
            var m = seg.Meta;
            var start = g.Clock.Frames(seg.StartMs);
            var end = g.Clock.Frames(seg.EndMs);
            if (end <= start || !g.Window.Overlaps(start, end)) continue;
            // Times in the window's own clock (its first frame is t = 0): a text that began before the window starts at a negative time.
            var s0 = g.Seconds(start - g.Window.First);
            var s1 = g.Seconds(end - g.Window.First);
            var (x, y) = Placement.TextXY(m, g.Width, g.Height);
            var size = m.Size ?? DefaultSize(g.Height);
            var style = new DrawTextStyle
            {
                LineSpacing = (int)Math.Round(size * 0.2),
                BorderWidth = m.Outline is > 0 and var o ? (int)Math.Round(o) : null,
                // A text without an outline or a box gets a soft shadow so that it reads on any picture.
                ShadowOffset = m.Outline is > 0 || m.Box is not null ? null : 2,
                ShadowColor = "black@0.6",
                BoxColor = Color(m.Box),
                BoxBorderWidth = (int)Math.Round(size * 0.3),
                Alpha = AlphaExpression(seg, s0, s1),
                Enable = $"between(t,{s0},{s1})",
            };
            canvas = canvas.Then(Filters.DrawTextFile(g.WriteTextFile(m.Text), font, (int)Math.Round(size), Color(m.Color) ?? "white", x, y, style));
        }
        return canvas;
    }

    /// <summary>Opacity over time: fades in over <c>m.fi</c> and out over <c>m.fo</c>, times <c>m.opacity</c>.</summary>
    private static string AlphaExpression(Segment seg, string s0, string s1)
    {
        var fi = seg.Meta.FadeInMs is > 0 and var a ? MediaTime.FromMilliseconds(a).ToFFmpeg() : null;
        var fo = seg.Meta.FadeOutMs is > 0 and var b ? MediaTime.FromMilliseconds(b).ToFFmpeg() : null;
        var opacity = (seg.Meta.Opacity ?? 1).ToString("0.###", CultureInfo.InvariantCulture);
        var rise = fi is null ? "1" : $"(t-{s0})/{fi}";
        var fall = fo is null ? "1" : $"({s1}-t)/{fo}";
        return $"{opacity}*clip(min({rise},{fall}),0,1)";
    }

    /// <summary>A draft colour (<c>#RRGGBB</c>, <c>#RRGGBBAA</c> or a name) in ffmpeg's syntax (<c>0xRRGGBB[AA]</c>).</summary>
    internal static string? Color(string? c) =>
        c is null ? null : c.StartsWith('#') ? "0x" + c[1..] : c.All(char.IsAsciiLetter) ? c : null;
}
