namespace Cutroom.Timeline.Interchange;

/// <summary>
/// Where an exported timeline says a segment's media is: what an NLE relinks. The server gives
/// the session's media file name (and keeps the media id beside it in Cutroom's metadata); the
/// command line gives a <c>file://</c> URL when <c>src</c> is a file, else <c>src</c> itself.
/// </summary>
/// <param name="TargetUrl">The reference written to the file: OpenTimelineIO's <c>target_url</c>, FCPXML's <c>media-rep src</c>, the EDL's <c>* SOURCE FILE:</c>.</param>
/// <param name="Name">The media's display name (a file name), or null to use the segment's label or <c>src</c>.</param>
public sealed record MediaReference(string TargetUrl, string? Name = null)
{
    /// <summary>The resolver that writes each <c>src</c> as it is (a media id, or a path on the command line).</summary>
    public static Func<string, MediaReference> AsGiven { get; } = src => new MediaReference(src);
}
