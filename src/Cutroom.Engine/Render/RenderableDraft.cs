using Cutroom.Contract.Errors;
using Cutroom.Timeline.Json;
using Cutroom.Timeline.Model;
using Cutroom.Timeline.Validation;

namespace Cutroom.Engine.Render;

/// <summary>
/// A draft that can be rendered: every rule of <see cref="DraftValidator"/> holds, its duration is
/// derived from its segments (<see cref="DraftDuration.WithDerivedDuration"/>), and it is not empty.
/// Made once where a draft enters (the HTTP body, a stored render job, the command line's file, the
/// chat session's timeline) and then passed as it is: the renderer never parses or validates again.
/// Problems carry the draft's JSON paths as their fields (<c>t[1].sg[0].d</c>, <c>t</c> for an empty draft).
/// </summary>
public sealed class RenderableDraft
{
    private RenderableDraft(Draft draft) => Draft = draft;

    /// <summary>The draft, valid, with its derived duration (above 0 ms).</summary>
    public Draft Draft { get; }

    /// <summary>Checks <paramref name="draft"/>: every broken rule, or the empty draft (<see cref="JobErrorCodes.NothingSelected"/> at <c>t</c>).</summary>
    /// <param name="draft">A parsed draft.</param>
    /// <param name="renderable">The renderable draft; null when there are problems.</param>
    /// <returns>Every problem found; empty when <paramref name="renderable"/> is set.</returns>
    public static IReadOnlyList<JobError> TryCreate(Draft draft, out RenderableDraft? renderable)
    {
        ArgumentNullException.ThrowIfNull(draft);
        renderable = null;
        var derived = draft.WithDerivedDuration();
        var errors = DraftValidator.Validate(derived);
        if (errors.Count > 0) return errors;
        if (derived.DurationMs <= 0)
            return [new JobError(JobErrorCodes.NothingSelected, "t", "the draft is empty: add a clip, an image or a text first")];
        renderable = new RenderableDraft(derived);
        return [];
    }

    /// <summary>Checks <paramref name="draft"/> and returns it as renderable.</summary>
    /// <param name="draft">A parsed draft.</param>
    /// <exception cref="RenderInputException">With every problem <see cref="TryCreate(Draft, out RenderableDraft?)"/> found.</exception>
    public static RenderableDraft From(Draft draft)
    {
        var errors = TryCreate(draft, out var renderable);
        return renderable ?? throw new RenderInputException(errors);
    }

    /// <summary>Reads a draft's JSON text and checks it (shape and type errors first, then the rules).</summary>
    /// <param name="json">The draft as JSON.</param>
    /// <exception cref="RenderInputException">With every problem found, each at its JSON path.</exception>
    public static RenderableDraft Parse(string json)
    {
        var parsed = DraftJson.Parse(json);
        return parsed.Draft is { } draft ? From(draft) : throw new RenderInputException(parsed.Errors);
    }
}
