using Cutroom.Contract.Errors;
using Cutroom.Timeline.Errors;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Validation;

/// <summary>A track's type is 0, 1 or 7; its <c>m.role</c> is a known role.</summary>
internal static class TrackRules
{
    public static void Check(Track track, int index, List<JobError> errors)
    {
        var path = JsonPaths.Track(index);
        if (!track.HasKnownType)
            Rule.Add(errors, JobErrorCodes.UnknownTrackType, JsonPaths.Key(path, "tt"), $"unknown track type {(int)track.Type} (0 video, 1 audio, 7 text)");
        Rule.OneOf(errors, JsonPaths.Key(path, "m.role"), track.Meta.Role, TrackRoles.All);
    }
}
