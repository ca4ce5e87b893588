using System.Globalization;

namespace Cutroom.FFmpeg.Graph;

/// <summary>The kind of a filter pad: video frames or audio samples.</summary>
public enum PadKind
{
    /// <summary>Video frames.</summary>
    Video,
    /// <summary>Audio samples.</summary>
    Audio,
}

/// <summary>One named option of a filter (always named: positional options are never used, so no value can be misread as a key).</summary>
/// <param name="Key">The option name as the ffmpeg filter documents it.</param>
/// <param name="Value">The raw value; escaped when the filter is printed.</param>
public sealed record FilterOption(string Key, string Value);

/// <summary>
/// An immutable ffmpeg filter with its options and pad kinds, e.g. <c>scale</c> with
/// <c>w=640:h=-2</c>, one video input and one video output. Use the typed factories in
/// <see cref="Filters"/>: every filter Cutroom uses has one (there is no raw escape hatch; add a factory for a new filter).
/// </summary>
public sealed record Filter
{
    /// <summary>Creates a filter.</summary>
    /// <param name="name">The ffmpeg filter name.</param>
    /// <param name="inputs">The kinds of its input pads, in order.</param>
    /// <param name="outputs">The kinds of its output pads, in order.</param>
    /// <param name="options">Its named options, in order.</param>
    public Filter(string name, IReadOnlyList<PadKind> inputs, IReadOnlyList<PadKind> outputs, IReadOnlyList<FilterOption> options)
    {
        if (string.IsNullOrEmpty(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            throw new ArgumentException($"invalid filter name '{name}'", nameof(name));
        Name = name; Inputs = inputs; Outputs = outputs; Options = options;
    }

    /// <summary>The ffmpeg filter name.</summary>
    public string Name { get; }
    /// <summary>Input pad kinds.</summary>
    public IReadOnlyList<PadKind> Inputs { get; }
    /// <summary>Output pad kinds.</summary>
    public IReadOnlyList<PadKind> Outputs { get; }
    /// <summary>Named options, in order.</summary>
    public IReadOnlyList<FilterOption> Options { get; }

    /// <summary>A video-in, video-out filter.</summary>
    internal static Filter Video(string name, params (string Key, object Value)[] options) =>
        new(name, [PadKind.Video], [PadKind.Video], ToOptions(options));

    /// <summary>An audio-in, audio-out filter.</summary>
    internal static Filter Audio(string name, params (string Key, object Value)[] options) =>
        new(name, [PadKind.Audio], [PadKind.Audio], ToOptions(options));

    /// <summary>
    /// A filter with explicit pads and named options (values formatted by <see cref="FormatValue"/>,
    /// escaped when printed), for the typed factories of <see cref="Filters"/> whose pads are not one
    /// video or one audio in and out (sources, sinks, joins, splits).
    /// </summary>
    internal static Filter WithPads(string name, IReadOnlyList<PadKind> inputs, IReadOnlyList<PadKind> outputs, params (string Key, object Value)[] options) =>
        new(name, inputs, outputs, ToOptions(options));


    /// <summary>Prints the filter as it appears in a graph: <c>name=key=value:key=value</c>, escaped for the graph parser.</summary>
    public override string ToString()
    {
        if (Options.Count == 0) return Name;
        var args = string.Join(':', Options.Select(o => o.Key + "=" + FilterEscaping.EscapeOptionValue(o.Value)));
        return Name + "=" + FilterEscaping.EscapeForGraph(args);
    }

    /// <summary>Formats an option value: invariant culture for numbers, lower-case for booleans.</summary>
    public static string FormatValue(object value) => value switch
    {
        string s => s,
        bool b => b ? "1" : "0",
        double d => d.ToString("0.######", CultureInfo.InvariantCulture),
        float f => f.ToString("0.######", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.######", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static FilterOption[] ToOptions((string Key, object Value)[] options) =>
        options.Select(o => new FilterOption(o.Key, FormatValue(o.Value))).ToArray();
}
