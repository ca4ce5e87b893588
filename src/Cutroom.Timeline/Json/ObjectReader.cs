using Cutroom.Contract.Errors;
using System.Text.Json;
using Cutroom.Timeline.Errors;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Json;

/// <summary>
/// Reads the keys of one JSON object with their paths, collecting type errors instead of
/// throwing, and hands back the keys it was not asked for as <see cref="UnknownKeys"/>.
/// A key whose value is JSON null counts as absent.
/// </summary>
internal sealed class ObjectReader
{
    private readonly JsonElement _obj;
    private readonly List<JobError> _errors;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private ObjectReader(JsonElement obj, string path, List<JobError> errors)
    {
        _obj = obj;
        Path = path;
        _errors = errors;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in obj.EnumerateObject())
        {
            if (!seen.Add(p.Name)) Error(JobErrorCodes.DuplicateKey, p.Name, "appears twice in this object");
        }
    }

    /// <summary>Path of the object being read.</summary>
    public string Path { get; }

    /// <summary>Opens an object, or records "must be an object" and returns null.</summary>
    public static ObjectReader? Open(JsonElement element, string path, List<JobError> errors)
    {
        if (element.ValueKind == JsonValueKind.Object) return new ObjectReader(element, path, errors);
        errors.Add(new JobError(JobErrorCodes.WrongType, path, "must be an object"));
        return null;
    }

    /// <summary>The value of <paramref name="key"/>, or null when absent or JSON null.</summary>
    public JsonElement? Raw(string key)
    {
        _read.Add(key);
        return _obj.TryGetProperty(key, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;
    }

    /// <summary>Reads an integer; a number with a fractional part is an error, <c>1000.0</c> is 1000.</summary>
    public long? Long(string key)
    {
        if (Raw(key) is not { } v) return null;
        if (v.ValueKind == JsonValueKind.Number)
        {
            if (v.TryGetInt64(out var l)) return l;
            if (v.TryGetDouble(out var d) && Math.Abs(d) < 9.0e15 && d == Math.Floor(d)) return (long)d;
        }
        Error(JobErrorCodes.WrongType, key, "must be an integer");
        return null;
    }

    /// <summary>Reads an integer that must fit an <see cref="int"/>.</summary>
    public int? Int(string key)
    {
        var l = Long(key);
        if (l is null) return null;
        if (l is >= int.MinValue and <= int.MaxValue) return (int)l;
        Error(JobErrorCodes.OutOfRange, key, "is far too large");
        return null;
    }

    /// <summary>Reads a number.</summary>
    public double? Double(string key)
    {
        if (Raw(key) is not { } v) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && double.IsFinite(d)) return d;
        Error(JobErrorCodes.WrongType, key, "must be a number");
        return null;
    }

    /// <summary>Reads a string.</summary>
    public string? String(string key)
    {
        if (Raw(key) is not { } v) return null;
        if (v.ValueKind == JsonValueKind.String) return v.GetString();
        Error(JobErrorCodes.WrongType, key, "must be a string");
        return null;
    }

    /// <summary>Reads true or false.</summary>
    public bool? Bool(string key)
    {
        if (Raw(key) is not { } v) return null;
        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
        Error(JobErrorCodes.WrongType, key, "must be true or false");
        return null;
    }

    /// <summary>Reads a nested object with <paramref name="read"/>; null when absent or of the wrong type.</summary>
    public T? Object<T>(string key, Func<ObjectReader, T> read) where T : class
    {
        if (Raw(key) is not { } v) return null;
        var reader = Open(v, JsonPaths.Key(Path, key), _errors);
        return reader is null ? null : read(reader);
    }

    /// <summary>Reads an array of objects with <paramref name="read"/> (given each item's reader and index).</summary>
    public List<T>? Array<T>(string key, Func<ObjectReader, int, T> read)
    {
        if (Raw(key) is not { } v) return null;
        var path = JsonPaths.Key(Path, key);
        if (v.ValueKind != JsonValueKind.Array)
        {
            _errors.Add(new JobError(JobErrorCodes.WrongType, path, "must be an array"));
            return null;
        }
        var list = new List<T>();
        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            var reader = Open(item, JsonPaths.Index(path, i), _errors);
            if (reader is not null) list.Add(read(reader, i));
            i++;
        }
        return list;
    }

    /// <summary>Records a "required" error for each key that is absent (or JSON null).</summary>
    public void Require(params string[] keys)
    {
        foreach (var key in keys)
        {
            if (!_obj.TryGetProperty(key, out var v) || v.ValueKind == JsonValueKind.Null) Error(JobErrorCodes.Required, key, "required");
        }
    }

    /// <summary>The keys that were not read, in document order.</summary>
    public UnknownKeys Rest()
    {
        var rest = _obj.EnumerateObject().Where(p => !_read.Contains(p.Name)).Select(p => new KeyValuePair<string, JsonElement>(p.Name, p.Value)).ToList();
        return rest.Count == 0 ? UnknownKeys.None : new UnknownKeys(rest);
    }

    private void Error(string code, string key, string message) => _errors.Add(new JobError(code, JsonPaths.Key(Path, key), message));
}
