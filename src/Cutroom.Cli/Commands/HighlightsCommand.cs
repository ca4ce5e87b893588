using System.CommandLine;
using System.Globalization;
using Cutroom.Cli.Infrastructure;
using Cutroom.Engine.Common;
using Cutroom.Engine.Highlights;
using Cutroom.Contract.Errors;
using Cutroom.Contract.Jobs;
using Cutroom.FFmpeg.Errors;
using Cutroom.Contract.Time;
using Spectre.Console;

namespace Cutroom.Cli.Commands;

/// <summary><c>cutroom highlights FILE --count 5 --min 10s --max 45s --out DIR [--mode fast|exact] [--reel]</c>.</summary>
internal static class HighlightsCommand
{
    public static Command Create()
    {
        var file = CliOptions.InputFile();
        var count = new Option<int>("--count")
        {
            Description = string.Create(CultureInfo.InvariantCulture, $"How many clips ({HighlightsRequest.MinCount}-{HighlightsRequest.MaxCount})"),
            DefaultValueFactory = _ => HighlightsRequest.DefaultCount,
        };
        var min = new Option<string?>("--min") { Description = $"Shortest clip (e.g. 10s; default {Clock(HighlightsRequest.DefaultMinMs)}, or --max when that is shorter)" };
        var max = new Option<string?>("--max") { Description = $"Longest clip (e.g. 45s; default {Clock(HighlightsRequest.DefaultMaxMs)}, or --min when that is longer)" };
        var output = new Option<string>("--out", "-o") { Description = "A new or empty folder for the clips and highlights.json", Required = true };
        var mode = new Option<string>("--mode") { Description = "fast (stream copy from keyframes, default) or exact (re-encoded, frame-exact)", DefaultValueFactory = _ => "fast" };
        var reel = new Option<bool>("--reel") { Description = "Also write reel.mp4: the clips in time order with short cross-fades" };
        var analysis = new Option<string>("--analysis") { Description = "auto (default: keyframes only above 10 minutes), exact or fast", DefaultValueFactory = _ => "auto" };
        var noCache = new Option<bool>("--no-cache") { Description = "Analyse again even when a cached analysis exists" };
        var json = CliOptions.Json();
        var cmd = new Command("highlights", "Find the best moments (loudness, speech, motion, shot changes) and write each as its own MP4") { file, count, min, max, output, mode, reel, analysis, noCache, json };
        cmd.SetAction((parse, ct) => JobConsole.RunAsync("Finding highlights", parse.GetValue(json), async (progress, token) =>
        {
            var (shortest, longest) = HighlightsRequest.ClipLengths(Time(parse.GetValue(min), HighlightsRequest.MinField), Time(parse.GetValue(max), HighlightsRequest.MaxField));
            var request = new HighlightsRequest(parse.GetValue(file)!, parse.GetValue(output)!)
            {
                Count = parse.GetValue(count),
                Min = shortest,
                Max = longest,
                Mode = parse.GetValue(mode)?.ToLowerInvariant() switch
                {
                    "fast" => ClipMode.Fast,
                    "exact" => ClipMode.Exact,
                    var m => throw new JobInputException(JobErrorCodes.UnknownValue, HighlightsRequest.ModeField, $"must be fast or exact (got '{m}')"),
                },
                Reel = parse.GetValue(reel),
                Analysis = ShotsCommand.ParseMode(parse.GetValue(analysis), HighlightsRequest.AnalysisField),
                UseCache = !parse.GetValue(noCache),
            };
            var result = await new HighlightsJob(EngineContext.CreateDefault()).RunAsync(request, progress.AsJobProgress(), token);
            foreach (var n in result.Notes) JobConsole.Warn(n);
            return result;
        }, Print, ct, new Dictionary<string, string> { [JobFields.Output] = "--out" }));
        return cmd;
    }

    private static MediaTime? Time(string? text, string field) => text is null ? null : TrimCommand.ParseTime(text, field);

    private static string Clock(long ms) => MediaTime.FromMilliseconds(ms).ToClock();

    private static void Print(HighlightsResult r, IAnsiConsole console)
    {
        var t = new Table().Border(TableBorder.Rounded).AddColumn("Rank").AddColumn("From").AddColumn("To").AddColumn("Score").AddColumn("File").AddColumn("Why");
        foreach (var c in r.Clips)
            t.AddRow(c.Rank.ToString(CultureInfo.InvariantCulture), MediaTime.ToClock(c.StartMs), MediaTime.ToClock(c.EndMs),
                c.Score.ToString("0", CultureInfo.InvariantCulture), Markup.Escape(c.File), Markup.Escape(string.Join("; ", c.Reasons)));
        console.Write(t);
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{r.Clips.Count} clip(s) in {r.OutputDirectory}{(r.Reel is null ? "" : $" and {r.Reel}")}; {r.Analysis.ToString().ToLowerInvariant()} analysis, {r.Mode.ToString().ToLowerInvariant()} cut, {MediaTime.FromMilliseconds(r.ElapsedMs).TotalSeconds:0.0} s")));
    }
}
