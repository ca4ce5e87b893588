namespace Cutroom.Timeline.Interchange;

/// <summary>A draft written in an NLE format.</summary>
/// <param name="Format">The format.</param>
/// <param name="Text">The file's text (UTF-8 when written; the EDL is ASCII apart from clip names).</param>
/// <param name="Losses">What of the draft the format could not carry, one sentence each with the draft path first (<c>t[2]: ...</c>); empty when nothing was lost.</param>
public sealed record TimelineExport(TimelineFormat Format, string Text, IReadOnlyList<string> Losses);
