using System.Globalization;
using System.Text;

namespace Cutroom.FFmpeg.Graph;

/// <summary>
/// A stream of frames inside a <see cref="FilterGraph"/>: an input file's stream or a filter's
/// output pad. Immutable; create them only through the graph.
/// </summary>
public sealed class GraphStream
{
    internal GraphStream(FilterGraph graph, PadKind kind, FilterNode? producer, int pad, string? inputSpec)
    {
        Graph = graph; Kind = kind; Producer = producer; Pad = pad; InputSpec = inputSpec;
    }

    internal FilterGraph Graph { get; }
    /// <summary>Video or audio.</summary>
    public PadKind Kind { get; }
    internal FilterNode? Producer { get; }
    internal int Pad { get; }
    internal string? InputSpec { get; }

    /// <summary>Feeds this stream through a one-in, one-out filter and returns the filter's output.</summary>
    /// <exception cref="ArgumentException">When the filter does not take exactly one input of this kind and give one output.</exception>
    public GraphStream Then(Filter filter)
    {
        var outs = Graph.Apply(filter, this);
        if (outs.Count != 1) throw new ArgumentException($"filter '{filter.Name}' has {outs.Count} outputs; use FilterGraph.Apply", nameof(filter));
        return outs[0];
    }
}

/// <summary>A filter placed in a graph, with the streams feeding it.</summary>
internal sealed class FilterNode(Filter filter, IReadOnlyList<GraphStream> inputs, int order)
{
    public Filter Filter { get; } = filter;
    public IReadOnlyList<GraphStream> Inputs { get; } = inputs;
    public int Order { get; } = order;
}

/// <summary>
/// A filter graph as a DAG of immutable nodes with typed pads (the design of ffmpeg-python and
/// typed-ffmpeg). <see cref="Apply"/> checks pad kinds and counts; <see cref="Render"/> labels pads
/// deterministically, inserts <c>split</c>/<c>asplit</c> where one stream feeds several consumers,
/// joins straight runs into comma chains, and escapes every option in one place.
/// </summary>
public sealed class FilterGraph
{
    private readonly List<FilterNode> _nodes = [];
    private readonly List<(GraphStream Stream, string Label)> _outputs = [];

    /// <summary>The video stream <paramref name="stream"/> (0-based among video streams) of input file <paramref name="input"/>: <c>[0:v:0]</c>.</summary>
    public GraphStream InputVideo(int input, int stream = 0) =>
        new(this, PadKind.Video, null, 0, string.Create(CultureInfo.InvariantCulture, $"{input}:v:{stream}"));

    /// <summary>The audio stream <paramref name="stream"/> of input file <paramref name="input"/>: <c>[0:a:0]</c>.</summary>
    public GraphStream InputAudio(int input, int stream = 0) =>
        new(this, PadKind.Audio, null, 0, string.Create(CultureInfo.InvariantCulture, $"{input}:a:{stream}"));

    /// <summary>Places a source filter (no inputs, e.g. <c>color</c>, <c>anullsrc</c>) and returns its output.</summary>
    public GraphStream Source(Filter filter) => Apply(filter)[0];

    /// <summary>Places <paramref name="filter"/> fed by <paramref name="inputs"/> and returns its output streams.</summary>
    /// <exception cref="ArgumentException">When the inputs do not match the filter's pads in count or kind, or come from another graph.</exception>
    public IReadOnlyList<GraphStream> Apply(Filter filter, params GraphStream[] inputs)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (inputs.Length != filter.Inputs.Count)
            throw new ArgumentException($"filter '{filter.Name}' takes {filter.Inputs.Count} inputs, got {inputs.Length}", nameof(inputs));
        for (var i = 0; i < inputs.Length; i++)
        {
            if (!ReferenceEquals(inputs[i].Graph, this)) throw new ArgumentException("a stream from another graph was used", nameof(inputs));
            if (inputs[i].Kind != filter.Inputs[i])
                throw new ArgumentException($"filter '{filter.Name}' input {i} takes {filter.Inputs[i]}, got {inputs[i].Kind}", nameof(inputs));
        }
        var node = new FilterNode(filter, inputs, _nodes.Count);
        _nodes.Add(node);
        return filter.Outputs.Select((k, i) => new GraphStream(this, k, node, i, null)).ToList();
    }

    /// <summary>Marks <paramref name="stream"/> as a graph output named <paramref name="label"/> (mapped with <c>-map [label]</c>).</summary>
    /// <exception cref="ArgumentException">When the label is not letters, digits and underscores, or is used twice.</exception>
    public void Output(GraphStream stream, string label)
    {
        if (string.IsNullOrEmpty(label) || !label.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            throw new ArgumentException($"invalid output label '{label}'", nameof(label));
        if (_outputs.Any(o => o.Label == label)) throw new ArgumentException($"output label '{label}' used twice", nameof(label));
        _outputs.Add((stream, label));
    }

    /// <summary>Prints the graph for <c>-filter_complex</c> (or a <c>-filter_complex_script</c> file).</summary>
    /// <exception cref="InvalidOperationException">When a filter output is neither consumed nor an output, or the graph has no outputs.</exception>
    public string Render()
    {
        if (_outputs.Count == 0) throw new InvalidOperationException("the graph has no outputs");

        // 1. Every consumer slot of every stream, in order of appearance.
        var consumers = new Dictionary<StreamKey, List<Slot>>();
        void Add(GraphStream s, Slot slot)
        {
            var key = StreamKey.Of(s);
            if (!consumers.TryGetValue(key, out var list)) consumers[key] = list = [];
            list.Add(slot);
        }
        foreach (var n in _nodes) for (var i = 0; i < n.Inputs.Count; i++) Add(n.Inputs[i], new Slot(n, i, null));
        foreach (var (stream, label) in _outputs) Add(stream, new Slot(null, 0, label));
        foreach (var n in _nodes)
            for (var pad = 0; pad < n.Filter.Outputs.Count; pad++)
                if (!consumers.ContainsKey(new StreamKey(n, pad, null)))
                    throw new InvalidOperationException($"output {pad} of filter '{n.Filter.Name}' is not used");

        // 2. A label for every (stream, consumer slot); a split where a stream has several consumers.
        var counter = 0;
        string Fresh(PadKind k) => (k == PadKind.Video ? "v" : "a") + (counter++).ToString(CultureInfo.InvariantCulture);
        var inLabel = new Dictionary<Slot, string>();           // label read by each consumer slot
        var outLabel = new Dictionary<StreamKey, string>();     // label written by each producer pad
        var splitsAfter = new Dictionary<FilterNode, List<string>>();
        var inputSplits = new List<string>();
        var generated = new HashSet<string>();
        foreach (var (key, slots) in consumers)
        {
            var kind = key.Kind;
            string source;
            if (key.Spec is not null) source = key.Spec;
            else if (slots.Count == 1 && slots[0].OutputLabel is { } only) source = only;
            else { source = Fresh(kind); generated.Add(source); }
            if (key.Node is not null) outLabel[key] = source;
            if (slots.Count == 1) { inLabel[slots[0]] = source; continue; }
            var outs = slots.Select(s => s.OutputLabel ?? Fresh(kind)).ToList();
            for (var i = 0; i < slots.Count; i++) inLabel[slots[i]] = outs[i];
            var split = $"[{source}]{(kind == PadKind.Video ? "split" : "asplit")}=outputs={slots.Count.ToString(CultureInfo.InvariantCulture)}{string.Concat(outs.Select(o => $"[{o}]"))}";
            if (key.Node is null) inputSplits.Add(split);
            else
            {
                if (!splitsAfter.TryGetValue(key.Node, out var list)) splitsAfter[key.Node] = list = [];
                list.Add(split);
            }
        }

        // 3. Print: input splits, then nodes in creation order (a topological order), each followed by its splits.
        //    A node continues the previous chain with ',' when it reads the previous node's only, generated output.
        var sb = new StringBuilder();
        foreach (var s in inputSplits) Append(sb, s);
        string? lastGenerated = null;
        foreach (var n in _nodes)
        {
            var ins = Enumerable.Range(0, n.Inputs.Count).Select(i => inLabel[new Slot(n, i, null)]).ToList();
            if (ins.Count == 1 && lastGenerated is not null && ins[0] == lastGenerated && generated.Contains(ins[0]))
            {
                sb.Length -= lastGenerated.Length + 2;
                sb.Append(',');
            }
            else
            {
                if (sb.Length > 0) sb.Append(';');
                foreach (var l in ins) sb.Append('[').Append(l).Append(']');
            }
            sb.Append(n.Filter);
            var outs = Enumerable.Range(0, n.Filter.Outputs.Count).Select(p => outLabel[new StreamKey(n, p, null)]).ToList();
            foreach (var l in outs) sb.Append('[').Append(l).Append(']');
            lastGenerated = outs.Count == 1 && consumers[new StreamKey(n, 0, null)].Count == 1 ? outs[0] : null;
            if (splitsAfter.TryGetValue(n, out var splits)) { foreach (var s in splits) Append(sb, s); lastGenerated = null; }
        }
        return sb.ToString();
    }

    private readonly record struct StreamKey(FilterNode? Node, int Pad, string? Spec)
    {
        public static StreamKey Of(GraphStream s) => new(s.Producer, s.Pad, s.InputSpec);
        public PadKind Kind => Node is not null ? Node.Filter.Outputs[Pad] : Spec!.Contains(":a:", StringComparison.Ordinal) ? PadKind.Audio : PadKind.Video;
    }

    private readonly record struct Slot(FilterNode? Node, int Input, string? OutputLabel);

    private static void Append(StringBuilder sb, string chain)
    {
        if (sb.Length > 0) sb.Append(';');
        sb.Append(chain);
    }
}
