using System.Collections;
using System.Collections.Immutable;
using System.Text.Json;

namespace Cutroom.Timeline.Model;

/// <summary>
/// The keys of one JSON object that Cutroom does not model, kept in their original order so
/// that a draft written by a newer client survives a round trip through this version
/// unchanged. Values are detached copies (<see cref="JsonElement.Clone"/>), so they outlive
/// the document they were read from. Immutable.
/// </summary>
public sealed class UnknownKeys : IReadOnlyList<KeyValuePair<string, JsonElement>>, IEquatable<UnknownKeys>
{
    private readonly ImmutableArray<KeyValuePair<string, JsonElement>> _items;

    /// <summary>No unknown keys.</summary>
    public static UnknownKeys None { get; } = new([]);

    /// <summary>Keeps the given keys and values in order (each value is cloned).</summary>
    public UnknownKeys(IEnumerable<KeyValuePair<string, JsonElement>> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = [.. items.Select(p => new KeyValuePair<string, JsonElement>(p.Key, p.Value.Clone()))];
    }

    /// <summary>Number of unknown keys.</summary>
    public int Count => _items.Length;

    /// <summary>The key and value at <paramref name="index"/> (original order).</summary>
    public KeyValuePair<string, JsonElement> this[int index] => _items[index];

    /// <summary>Looks a key up (ordinal, case-sensitive, as JSON keys are).</summary>
    /// <returns>False when the key is not present.</returns>
    public bool TryGetValue(string key, out JsonElement value)
    {
        foreach (var item in _items)
        {
            if (item.Key == key) { value = item.Value; return true; }
        }
        value = default;
        return false;
    }

    /// <summary>Same keys in the same order with equal JSON values (<see cref="JsonElement.DeepEquals"/>: 1.0 equals 1).</summary>
    public bool Equals(UnknownKeys? other) =>
        other is not null && (ReferenceEquals(this, other) || (Count == other.Count
            && _items.Zip(other._items).All(p => p.First.Key == p.Second.Key && JsonElement.DeepEquals(p.First.Value, p.Second.Value))));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as UnknownKeys);

    /// <inheritdoc/>
    public override int GetHashCode() => _items.Aggregate(Count, (h, p) => HashCode.Combine(h, p.Key));

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, JsonElement>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, JsonElement>>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
