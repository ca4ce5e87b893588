using System.Globalization;
using System.Text.RegularExpressions;

namespace Cutroom.Engine.Analysis;

/// <summary>
/// Reads what the analysis filters log on stderr at info level (ffmpeg 5.1 formats):
/// <c>ebur128</c>'s line per 100 ms (<c>t: 1.2 TARGET:-23 LUFS M: -21.8 S: -22.0 ...</c>) and its
/// closing summary (<c>I:</c>, <c>LRA:</c>, <c>Peak:</c>) and <c>silencedetect</c>
/// (<c>silence_start: T</c>, <c>silence_end: T</c>). Times are in seconds on
/// the stream clock. Thread-safe: lines arrive on a reader thread.
/// </summary>
internal sealed partial class AnalysisLogReader
{
    private readonly object _gate = new();
    private readonly List<(double T, double M, double S)> _loudness = [];
    private readonly List<(double Start, double? End)> _silences = [];
    private string? _summarySection;

    public IReadOnlyList<(double T, double M, double S)> Loudness { get { lock (_gate) return [.. _loudness]; } }
    public IReadOnlyList<(double Start, double? End)> Silences { get { lock (_gate) return [.. _silences]; } }
    public double? IntegratedLufs { get; private set; }
    public double? LoudnessRangeLu { get; private set; }
    public double? TruePeakDbfs { get; private set; }

    public void Feed(string line)
    {
        lock (_gate)
        {
            if (line.Contains("Parsed_ebur128", StringComparison.Ordinal) || line.Contains("ebur128 @", StringComparison.Ordinal))
            {
                var m = EburFrame().Match(line);
                if (m.Success) { _loudness.Add((Num(m, "t"), Num(m, "m"), Num(m, "s"))); return; }
            }
            if (line.Contains("silence_start:", StringComparison.Ordinal))
            {
                var m = SilenceStart().Match(line);
                if (m.Success) _silences.Add((Num(m, "t"), null));
                return;
            }
            if (line.Contains("silence_end:", StringComparison.Ordinal))
            {
                var m = SilenceEnd().Match(line);
                if (m.Success && _silences.Count > 0 && _silences[^1].End is null) _silences[^1] = (_silences[^1].Start, Num(m, "t"));
                return;
            }
            // The ebur128 summary: "Integrated loudness:", "Loudness range:", "True peak:" sections.
            var trimmed = line.Trim();
            if (trimmed.EndsWith("Integrated loudness:", StringComparison.Ordinal)) { _summarySection = "I"; return; }
            if (trimmed.EndsWith("Loudness range:", StringComparison.Ordinal)) { _summarySection = "LRA"; return; }
            if (trimmed.EndsWith("True peak:", StringComparison.Ordinal)) { _summarySection = "TP"; return; }
            var s = SummaryValue().Match(line);
            if (!s.Success) return;
            var key = s.Groups["k"].Value;
            var value = ParseLevel(s.Groups["v"].Value);
            if (key == "I" && _summarySection == "I") IntegratedLufs = value;
            else if (key == "LRA" && _summarySection == "LRA") LoudnessRangeLu = value;
            else if (key == "Peak" && _summarySection == "TP") TruePeakDbfs = value;
        }
    }

    private static double Num(Match m, string group) => ParseLevel(m.Groups[group].Value);

    private static double ParseLevel(string text) =>
        text.EndsWith("inf", StringComparison.Ordinal) ? (text.StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity)
        : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\bt:\s*(?<t>-?[\d.]+(e[-+]?\d+)?)\s+TARGET:.*?\bM:\s*(?<m>-?[\d.]+|-?inf)\s+S:\s*(?<s>-?[\d.]+|-?inf)")]
    private static partial Regex EburFrame();

    [GeneratedRegex(@"silence_start:\s*(?<t>-?[\d.]+)")]
    private static partial Regex SilenceStart();

    [GeneratedRegex(@"silence_end:\s*(?<t>-?[\d.]+)")]
    private static partial Regex SilenceEnd();

    [GeneratedRegex(@"^(\[\w+\]\s*)?\s+(?<k>I|LRA|Peak):\s+(?<v>-?[\d.]+|-?inf)\s+(LUFS|LU|dBFS)\s*$")]
    private static partial Regex SummaryValue();
}
