using Cutroom.Contract.Errors;
using Cutroom.Timeline.Errors;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Edits;

public static partial class DraftEdits
{
    /// <summary>
    /// Sets the canvas to <paramref name="width"/> x <paramref name="height"/> pixels (even, long side
    /// ≤ 1920, short side ≤ 1080); <c>m.aspect</c> becomes the reduced ratio ("1280x720" is 16:9) and
    /// <c>m.platform</c> is cleared.
    /// </summary>
    public static EditResult SetCanvas(this Draft draft, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = Validation.DraftValidator.Validate(Draft.Create(width, height));
        if (errors.Count > 0) return EditResult.Fail(errors[0]);
        var g = Gcd(width, height);
        return EditResult.Ok(draft with { Width = width, Height = height, Meta = draft.Meta with { Aspect = $"{width / g}:{height / g}", Platform = null } });
    }

    /// <summary>
    /// Sets the canvas to the preset of an aspect (the agent's <c>set_aspect</c>): 16:9 1920x1080,
    /// 9:16 1080x1920, 1:1 1080x1080, 4:5 1080x1350. With <paramref name="fit"/> (contain, cover,
    /// blur) every full-canvas picture (video segments without <c>m.scale</c>) gets that <c>m.fit</c>.
    /// </summary>
    public static EditResult SetAspect(this Draft draft, string aspect, string? fit = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (Canvas.ForAspect(aspect) is not { } canvas)
            return EditResult.Fail(JobErrorCodes.UnknownValue, $"unknown aspect \"{aspect}\" (use {string.Join(", ", Canvas.Presets.Select(c => c.Aspect))})");
        if (fit is not null && !Fits.All.Contains(fit))
            return EditResult.Fail(JobErrorCodes.UnknownValue, $"fit must be one of {string.Join(", ", Fits.All)}");
        return EditResult.Ok(WithCanvas(draft, canvas, null, fit));
    }

    /// <summary>Sets the canvas of a platform preset (<see cref="Platforms"/>), and <c>m.platform</c>.</summary>
    public static EditResult SetPlatform(this Draft draft, string platform)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (Platforms.Find(platform) is not { } preset)
            return EditResult.Fail(JobErrorCodes.UnknownValue, $"unknown platform \"{platform}\" (use {string.Join(", ", Platforms.All.Select(p => p.Name))})");
        return EditResult.Ok(WithCanvas(draft, preset.Canvas, preset.Name, null));
    }

    private static Draft WithCanvas(Draft draft, Canvas canvas, string? platform, string? fit)
    {
        var tracks = fit is null ? draft.Tracks : [.. draft.Tracks.Select(t => t.Type != TrackType.Video ? t : t with
        {
            Segments = [.. t.Segments.Select(s => s.Meta.Scale is null ? s with { Meta = s.Meta with { Fit = fit } } : s)],
        })];
        return draft with
        {
            Width = canvas.Width,
            Height = canvas.Height,
            Meta = draft.Meta with { Aspect = canvas.Aspect, Platform = platform },
            Tracks = tracks,
        };
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
