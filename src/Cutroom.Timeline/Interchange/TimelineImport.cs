using Cutroom.Contract.Errors;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Interchange;

/// <summary>A draft read from an NLE timeline, or why it could not be.</summary>
/// <param name="Draft">The draft (valid, its <c>d</c> derived), or null when <see cref="Errors"/> is not empty.</param>
/// <param name="Errors">
/// What cannot be represented, every one found: <c>Field</c> is a path into the OTIO file
/// (<c>tracks.children[0].children[3].effects[0]</c>) for its structure, or a draft path
/// (<c>t[0].sg[2].sp</c>) for a draft rule the result would break.
/// </param>
/// <param name="Notes">What was read with a loss (a marker without Cutroom text, an effect, a transition that started before its cut), <c>PATH: sentence</c>.</param>
public sealed record TimelineImport(Draft? Draft, IReadOnlyList<JobError> Errors, IReadOnlyList<string> Notes);
