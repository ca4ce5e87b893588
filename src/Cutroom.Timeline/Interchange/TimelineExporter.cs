using Cutroom.Contract.Errors;
using Cutroom.Timeline.Interchange.Edl;
using Cutroom.Timeline.Interchange.Fcpxml;
using Cutroom.Timeline.Interchange.Otio;
using Cutroom.Timeline.Model;
using Cutroom.Timeline.Validation;

namespace Cutroom.Timeline.Interchange;

/// <summary>
/// Writes a draft as an NLE timeline: OpenTimelineIO JSON, FCPXML 1.10 or a CMX 3600 EDL
/// (docs/nle-interchange.md says what maps to what and what is lost). Pure: the caller writes
/// the text where it belongs.
/// </summary>
public static class TimelineExporter
{
    /// <summary>Exports a draft.</summary>
    /// <param name="draft">The draft; it must pass <see cref="DraftValidator"/>.</param>
    /// <param name="format">The format.</param>
    /// <param name="media">Resolves a segment's <c>src</c> to the reference written to the file; null writes <c>src</c> as it is.</param>
    /// <returns>The text and the list of what the format could not carry.</returns>
    /// <exception cref="JobInputException">The draft breaks a rule of <see cref="DraftValidator"/> (every error, with its draft path).</exception>
    public static TimelineExport Export(Draft draft, TimelineFormat format, Func<string, MediaReference>? media = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = DraftValidator.Validate(draft);
        if (errors.Count > 0) throw new JobInputException(errors);
        var framed = FramedDraft.Of(draft);
        media ??= MediaReference.AsGiven;
        var text = format switch
        {
            TimelineFormat.Otio => OtioWriter.Write(framed, media),
            TimelineFormat.Fcpxml => FcpxmlWriter.Write(framed, media),
            _ => EdlWriter.Write(framed, media),
        };
        return new TimelineExport(format, text, [.. framed.Losses]);
    }
}
