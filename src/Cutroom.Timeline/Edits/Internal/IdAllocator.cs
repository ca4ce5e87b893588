using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Edits.Internal;

/// <summary>
/// Hands out new ids that no track or segment of a draft uses: <c>seg_1</c>, <c>seg_2</c>...
/// (the lowest free number, so ids stay short and deterministic).
/// </summary>
internal sealed class IdAllocator
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public IdAllocator(Draft draft)
    {
        foreach (var t in draft.Tracks)
        {
            _used.Add(t.Id);
            foreach (var s in t.Segments) _used.Add(s.Id);
        }
    }

    public string Next(string prefix)
    {
        for (var n = 1; ; n++)
        {
            var id = $"{prefix}_{n}";
            if (_used.Add(id)) return id;
        }
    }
}
