using Cutroom.Contract.Errors;
using Cutroom.Timeline.Errors;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Validation;

/// <summary>Every track and segment has an id of 1-64 of <c>A-Z a-z 0-9 _ -</c>, unique across the whole draft.</summary>
internal static class IdRules
{
    public static void Check(Draft d, List<JobError> errors)
    {
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var t = 0; t < d.Tracks.Length; t++)
        {
            One(d.Tracks[t].Id, JsonPaths.Key(JsonPaths.Track(t), "id"), first, errors);
            for (var s = 0; s < d.Tracks[t].Segments.Length; s++)
                One(d.Tracks[t].Segments[s].Id, JsonPaths.Key(JsonPaths.Segment(t, s), "id"), first, errors);
        }
    }

    private static void One(string id, string path, Dictionary<string, string> first, List<JobError> errors)
    {
        if (id.Length == 0)
        {
            Rule.Add(errors, JobErrorCodes.Required, path, "required");
            return;
        }
        if (!DraftLimits.IsValidId(id))
        {
            Rule.Add(errors, JobErrorCodes.BadId, path, "must be 1-64 of A-Z a-z 0-9 _ -");
            return;
        }
        if (first.TryGetValue(id, out var at))
            Rule.Add(errors, JobErrorCodes.DuplicateId, path, $"duplicate id \"{id}\" (first used at {at})");
        else
            first[id] = path;
    }
}
