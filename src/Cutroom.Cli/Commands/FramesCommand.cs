using System.CommandLine;
using Cutroom.Cli.Infrastructure;
using Cutroom.Engine.Common;
using Cutroom.Engine.Frames;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using Cutroom.Contract.Time;
using Spectre.Console;

namespace Cutroom.Cli.Commands;

/// <summary><c>cutroom frames FILE --out DIR</c> with exactly one selector.</summary>
internal static class FramesCommand
{
    public static Command Create()
    {
        var file = CliOptions.InputFile();
        var output = new Option<string>("--out", "-o") { Description = "Folder for the images and frames.json (new or empty)", Required = true };
        var every = new Option<int?>("--every") { Description = "Every Nth decoded frame, frame 0 first" };
        var fps = new Option<string?>("--fps") { Description = "N frames per second of video (e.g. 1, 0.5, 30000/1001)" };
        var at = new Option<string?>("--at") { Description = "Frames shown at these times, comma-separated (1.5,00:01:02.250)" };
        var interval = new Option<string?>("--interval") { Description = "One frame every interval (10s, 1:00)" };
        var keyframes = new Option<bool>("--keyframes") { Description = "Keyframes only (decodes nothing else: much faster)" };
        var count = new Option<int?>("--count") { Description = "N frames evenly spread over the video" };
        var format = new Option<ImageFormat>("--format") { Description = "Image format", DefaultValueFactory = _ => ImageFormat.Jpg };
        var quality = new Option<int>("--quality") { Description = "Image quality 1-100 (jpg, webp)", DefaultValueFactory = _ => 90 };
        var width = new Option<int?>("--width") { Description = "Output width in pixels; the height keeps the aspect ratio" };
        var start = new Option<string?>("--start") { Description = "Start of the range (time)" };
        var end = new Option<string?>("--end") { Description = "End of the range (time, exclusive)" };
        var json = CliOptions.Json();
        var cmd = new Command("frames", "Extract frames as images: --every N | --fps R | --at T,T | --interval T | --keyframes | --count N")
        {
            file, output, every, fps, at, interval, keyframes, count, format, quality, width, start, end, json,
        };
        cmd.SetAction((parse, ct) => JobConsole.RunAsync("Extracting frames", parse.GetValue(json), async (progress, token) =>
        {
            var selectors = new List<FrameSelector>();
            if (parse.GetValue(every) is { } n) selectors.Add(new FrameSelector.Every(n));
            if (parse.GetValue(fps) is { } r)
                selectors.Add(Rational.TryParse(r, out var rate) ? new FrameSelector.Rate(rate) : throw new JobInputException($"--fps '{r}' is not a rate", isUsage: true));
            if (parse.GetValue(at) is { } a) selectors.Add(new FrameSelector.At(TimeOptions.ParseList(a, "--at")));
            if (parse.GetValue(interval) is { } i) selectors.Add(new FrameSelector.Interval(TimeOptions.Parse(i, "--interval")!.Value));
            if (parse.GetValue(keyframes)) selectors.Add(new FrameSelector.Keyframes());
            if (parse.GetValue(count) is { } c) selectors.Add(new FrameSelector.Count(c));
            if (selectors.Count != 1)
                throw new JobInputException("give exactly one of --every, --fps, --at, --interval, --keyframes, --count", isUsage: true);
            var options = new FrameExtractionOptions
            {
                Selector = selectors[0],
                Format = parse.GetValue(format),
                Quality = parse.GetValue(quality),
                Width = parse.GetValue(width),
                StartUs = TimeOptions.Parse(parse.GetValue(start), "--start"),
                EndUs = TimeOptions.Parse(parse.GetValue(end), "--end"),
            };
            var result = await new FrameExtractor(EngineContext.CreateDefault()).ExtractAsync(parse.GetValue(file)!, parse.GetValue(output)!, options, progress, token);
            foreach (var w in result.Warnings) JobConsole.Warn(w);
            return result;
        }, Print, ct));
        return cmd;
    }

    private static void Print(FrameExtractionResult r, IAnsiConsole console)
    {
        var t = new Table().Border(TableBorder.Rounded).AddColumn("#").AddColumn("Frame").AddColumn("Time").AddColumn("File");
        for (var i = 0; i < r.Frames.Count; i++)
        {
            if (r.Frames.Count > 12 && i >= 6 && i < r.Frames.Count - 5)
            {
                if (i == 6) t.AddRow("…", "…", "…", $"({r.Frames.Count - 11} more)");
                continue;
            }
            var f = r.Frames[i];
            t.AddRow((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), f.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), MediaTime.ToClock(f.PtsMs), Markup.Escape(f.File));
        }
        console.Write(t);
        console.MarkupLine($"[green]{r.Frames.Count}[/] images ({Markup.Escape(r.Selector)}) in [blue]{Markup.Escape(r.OutputDirectory)}[/] with frames.json, {r.ElapsedMs / 1000.0:0.0} s");
    }
}
