using Cutroom.Contract.Jobs;
using System.CommandLine;
using System.Globalization;
using Cutroom.Cli.Infrastructure;
using Cutroom.Contract.Errors;
using Cutroom.Contract.Time;
using Cutroom.Engine.Common;
using Cutroom.Engine.Frames;
using Spectre.Console;

namespace Cutroom.Cli.Commands;

/// <summary><c>cutroom frames FILE --out DIR</c> with exactly one selector.</summary>
internal static class FramesCommand
{
    /// <summary>The fields whose flag is not <c>--field</c>.</summary>
    private static readonly Dictionary<string, string> Flags = new() { [JobFields.Output] = "--out" };

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
            var selector = FrameSelection.From(
                every: parse.GetValue(every),
                fps: RateOf(parse.GetValue(fps)),
                at: parse.GetValue(at) is { } a ? TimeOptions.ParseTimes(a, "--at") : null,
                interval: TimeOptions.ParseTime(parse.GetValue(interval), "--interval"),
                keyframes: parse.GetValue(keyframes),
                count: parse.GetValue(count));
            var request = new FramesRequest
            {
                InputPath = parse.GetValue(file)!,
                OutputDirectory = parse.GetValue(output)!,
                Selector = selector,
                Format = parse.GetValue(format),
                Quality = parse.GetValue(quality),
                Width = parse.GetValue(width),
                Start = TimeOptions.ParseTime(parse.GetValue(start), "--start"),
                End = TimeOptions.ParseTime(parse.GetValue(end), "--end"),
            };
            var result = await new FrameExtractor(EngineContext.CreateDefault()).RunAsync(request, progress.AsJobProgress(), token);
            foreach (var w in result.Warnings) JobConsole.Warn(w);
            return result;
        }, Print, ct, Flags));
        return cmd;
    }

    /// <summary>The rate of <c>--fps</c>, or null when not given.</summary>
    /// <exception cref="JobInputException"><see cref="JobErrorCodes.WrongType"/> when the text is not a rate.</exception>
    private static Rational? RateOf(string? text) =>
        text is null ? null
        : Rational.TryParse(text, out var rate) ? rate
        : throw new JobInputException(JobErrorCodes.WrongType, FramesRequest.FpsField, $"'{text}' is not a rate (examples: 1, 0.5, 30000/1001)");

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
            t.AddRow((i + 1).ToString(CultureInfo.InvariantCulture), f.Index.ToString(CultureInfo.InvariantCulture), MediaTime.FromMilliseconds(f.PtsMs).ToClock(), Markup.Escape(f.File));
        }
        console.Write(t);
        console.MarkupLine($"[green]{r.Frames.Count}[/] images ({Markup.Escape(r.Selector)}) in [blue]{Markup.Escape(r.OutputDirectory)}[/] with frames.json, {MediaTime.FromMilliseconds(r.ElapsedMs).TotalSeconds:0.0} s");
    }
}
