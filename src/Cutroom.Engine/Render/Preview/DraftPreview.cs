using Cutroom.Contract.Output;
using Cutroom.Timeline.Model;

namespace Cutroom.Engine.Render.Preview;

/// <summary>
/// The live preview of a draft: the same draft rendered by the same renderer (and so from the same kind
/// of chunks, cached at preview settings) on a smaller canvas with a fast encoder, for a first look
/// after an edit. The canvas is scaled to <see cref="DefaultHeight"/> lines (640x360 for 16:9), and so
/// is every size the draft gives in canvas pixels (text size, outline, margins), so that the preview is
/// the export in miniature.
/// </summary>
public static class DraftPreview
{
    /// <summary>The preview's height in pixels when none is asked: 360 (640x360 for a 16:9 draft).</summary>
    public const int DefaultHeight = 360;

    /// <summary>The smallest preview height, pixels.</summary>
    public const int MinHeight = 144;

    /// <summary>
    /// The preview's encoding, <see cref="OutputSpecs.Preview"/>: MP4, x264 <c>superfast</c> CRF 28, AAC 96 kb/s
    /// (chosen with numbers in docs/benchmarks.md, "export settings": 15 % more CPU than ultrafast for files 3.7x smaller).
    /// </summary>
    public static OutputSpec Spec => OutputSpecs.Preview;

    /// <summary>The render request of the preview of <paramref name="draft"/>: scaled to <paramref name="height"/> lines, <see cref="Spec"/>, in chunks (cached when the engine has a cache).</summary>
    /// <param name="draft">The draft to preview.</param>
    /// <param name="outputFile">The MP4 to write.</param>
    /// <param name="resolveMedia">Maps a segment's <c>src</c> to a local file.</param>
    /// <param name="height">The preview height in pixels.</param>
    public static DraftRenderRequest Request(RenderableDraft draft, string outputFile, Func<string, string?> resolveMedia, int height = DefaultHeight) =>
        new(Scaled(draft, height), outputFile, resolveMedia) { Spec = Spec };

    /// <summary>
    /// <paramref name="draft"/> on a canvas <paramref name="height"/> lines high (the width keeps the aspect
    /// ratio, rounded to even), every canvas-pixel size scaled alike. A draft already that small is returned as is.
    /// </summary>
    /// <param name="draft">The draft to preview.</param>
    /// <param name="height">The preview height in pixels (at least <see cref="MinHeight"/>).</param>
    public static RenderableDraft Scaled(RenderableDraft draft, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var d = draft.Draft;
        height = Math.Max(MinHeight, height - (height & 1));
        if (d.Height <= height) return draft;
        var f = (double)height / d.Height;
        var width = Math.Max(2, (int)Math.Round(d.Width * f / 2, MidpointRounding.AwayFromZero) * 2);
        double? Px(double? v) => v is { } x ? Math.Round(x * f, 2) : null;
        var scaled = d with
        {
            Width = width,
            Height = height,
            Tracks = [.. d.Tracks.Select(t => t with
            {
                Segments = [.. t.Segments.Select(s => s with { Meta = s.Meta with { Size = Px(s.Meta.Size), Outline = Px(s.Meta.Outline), Margin = Px(s.Meta.Margin) } })],
            })],
        };
        return RenderableDraft.From(scaled);
    }
}
