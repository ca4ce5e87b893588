using Cutroom.Contract.Errors;
using Cutroom.Timeline.Errors;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Validation;

/// <summary>Version, canvas size (even, long side ≤ 1920, short side ≤ 1080), fps 1-60, and the draft's <c>m</c>.</summary>
internal static class CanvasRules
{
    public static void Check(Draft d, List<JobError> errors)
    {
        if (d.Version != Draft.CurrentVersion)
            Rule.Add(errors, JobErrorCodes.UnknownValue, "v", $"must be {Draft.CurrentVersion} (the only draft version)");
        Side(errors, "w", d.Width);
        Side(errors, "h", d.Height);
        if (d.Width > 0 && d.Height > 0)
        {
            var (longKey, longSide, shortKey, shortSide) = d.Width >= d.Height ? ("w", d.Width, "h", d.Height) : ("h", d.Height, "w", d.Width);
            if (longSide > DraftLimits.MaxLongSide)
                Rule.Add(errors, JobErrorCodes.OutOfRange, longKey, $"must be at most {DraftLimits.MaxLongSide} (the long side; got {longSide})");
            if (shortSide > DraftLimits.MaxShortSide)
                Rule.Add(errors, JobErrorCodes.OutOfRange, shortKey, $"must be at most {DraftLimits.MaxShortSide} (the short side; got {shortSide})");
        }
        if (d.Fps is < DraftLimits.MinFps or > DraftLimits.MaxFps)
            Rule.Add(errors, JobErrorCodes.OutOfRange, "fps", $"must be between {DraftLimits.MinFps} and {DraftLimits.MaxFps}");
        Rule.AtLeastZero(errors, "d", d.DurationMs);
        if (d.Meta.Aspect is { } aspect && !IsAspect(aspect))
            Rule.Add(errors, JobErrorCodes.UnknownValue, "m.aspect", $"must look like 16:9 (got \"{aspect}\")");
        Rule.Color(errors, "m.bg", d.Meta.Background);
    }

    private static void Side(List<JobError> errors, string key, int value)
    {
        if (value <= 0) Rule.Add(errors, JobErrorCodes.OutOfRange, key, "must be > 0");
        else if (value % 2 != 0) Rule.Add(errors, JobErrorCodes.NotEven, key, $"must be even (got {value})");
    }

    private static bool IsAspect(string aspect)
    {
        var parts = aspect.Split(':');
        return parts.Length == 2 && parts.All(p => p.Length is > 0 and <= 4 && p.All(char.IsAsciiDigit) && p.Any(c => c != '0'));
    }
}
