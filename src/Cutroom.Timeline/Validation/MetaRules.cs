using Cutroom.Contract.Errors;
using Cutroom.Timeline.Errors;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Validation;

/// <summary>The value lists and ranges of a segment's <c>m</c> keys (fit, kind, motion, pos, x, y, size, colours, outline, opacity, scale, margin).</summary>
internal static class MetaRules
{
    public static void Check(SegmentMeta m, string path, List<JobError> errors)
    {
        string P(string key) => JsonPaths.Key(path, key);
        Rule.OneOf(errors, P("fit"), m.Fit, Fits.All);
        Rule.OneOf(errors, P("kind"), m.Kind, MediaKinds.All);
        Rule.OneOf(errors, P("motion"), m.Motion, Motions.All);
        Rule.OneOf(errors, P("pos"), m.Position, Positions.All);
        Rule.Range(errors, P("x"), m.X, 0, 1);
        Rule.Range(errors, P("y"), m.Y, 0, 1);
        if (m.Size is { } size && (size <= 0 || size > DraftLimits.MaxTextSize))
            Rule.Add(errors, JobErrorCodes.OutOfRange, P("size"), $"must be > 0 and at most {DraftLimits.MaxTextSize} px");
        Rule.Color(errors, P("color"), m.Color);
        Rule.Color(errors, P("box"), m.Box);
        Rule.Range(errors, P("outline"), m.Outline, 0, DraftLimits.MaxOutline);
        Rule.Range(errors, P("opacity"), m.Opacity, 0, 1);
        if (m.Scale is { } scale && (scale <= 0 || scale > 1))
            Rule.Add(errors, JobErrorCodes.OutOfRange, P("scale"), "must be > 0 and at most 1 (a fraction of the canvas width)");
        Rule.Range(errors, P("margin"), m.Margin, 0, DraftLimits.MaxTextSize);
    }
}
