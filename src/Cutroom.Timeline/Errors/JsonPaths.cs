namespace Cutroom.Timeline.Errors;

/// <summary>Builds the JSON paths of <see cref="Cutroom.Contract.Errors.JobError.Field"/>: <c>t[1].sg[0].m.fi</c>.</summary>
public static class JsonPaths
{
    /// <summary>The path of the draft itself.</summary>
    public const string Root = "$";

    /// <summary>The path of key <paramref name="key"/> inside the object at <paramref name="parent"/>.</summary>
    public static string Key(string parent, string key) => parent is Root or "" ? key : $"{parent}.{key}";

    /// <summary>The path of item <paramref name="index"/> of the array at <paramref name="parent"/>.</summary>
    public static string Index(string parent, int index) => $"{parent}[{index}]";

    /// <summary>The path of track <paramref name="track"/>: <c>t[1]</c>.</summary>
    public static string Track(int track) => $"t[{track}]";

    /// <summary>The path of segment <paramref name="segment"/> of track <paramref name="track"/>: <c>t[1].sg[0]</c>.</summary>
    public static string Segment(int track, int segment) => $"t[{track}].sg[{segment}]";
}
