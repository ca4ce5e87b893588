using Cutroom.Contract.Jobs;
using Cutroom.Contract.Output;
using System.CommandLine;
using System.Globalization;
using Cutroom.Cli.Infrastructure;
using Cutroom.Engine.Common;
using Cutroom.Engine.Convert;
using Cutroom.Engine.Encoding;
using Cutroom.Contract.Time;
using Spectre.Console;

namespace Cutroom.Cli.Commands;

/// <summary><c>cutroom convert FILE --height 1080 -o out.mp4 [--quality] [--format] [--upscale]</c>: re-encode for the web.</summary>
internal static class ConvertCommand
{
    public static Command Create()
    {
        var file = CliOptions.InputFile();
        var output = CliOptions.OutputFile("The file to write (.mp4, .webm or .mov)");
        var height = new Option<int?>("--height") { Description = "Output height in pixels (e.g. 1080); the width keeps the aspect ratio. Default: the source's" };
        var quality = QualityOption();
        var format = new Option<string?>("--format") { Description = "mp4 (H.264 + AAC), webm (VP9 + Opus) or mov (H.264 + AAC). Default: from the output's extension" };
        format.AcceptOnlyFromAmong("mp4", "webm", "mov");
        var upscale = new Option<bool>("--upscale") { Description = "Allow a height above the source's (otherwise the source's height is kept)" };
        var json = CliOptions.Json();
        var cmd = new Command("convert", "Re-encode a video to MP4 (H.264 High + AAC, +faststart), WebM or MOV, scaled to a height, upright") { file, output, height, quality, format, upscale, json };
        cmd.SetAction((parse, ct) => JobConsole.RunAsync("Converting", parse.GetValue(json), async (progress, token) =>
        {
            var request = new ConvertRequest(parse.GetValue(file)!, parse.GetValue(output)!)
            {
                Height = parse.GetValue(height),
                Quality = ParseQuality(parse.GetValue(quality)),
                Format = parse.GetValue(format) switch { "webm" => OutputFormat.Webm, "mov" => OutputFormat.Mov, "mp4" => OutputFormat.Mp4, _ => null },
                Upscale = parse.GetValue(upscale),
            };
            return await new ConvertJob(EngineContext.CreateDefault()).RunAsync(request, progress.AsJobProgress(), token);
        }, Print, ct));
        return cmd;
    }

    /// <summary><c>--quality low|medium|high</c>, shared with <c>trim</c>.</summary>
    internal static Option<string> QualityOption()
    {
        var quality = new Option<string>("--quality") { Description = "Encoding quality (x264 CRF 28/23/18)", DefaultValueFactory = _ => "medium" };
        quality.AcceptOnlyFromAmong("low", "medium", "high");
        return quality;
    }

    internal static OutputQuality ParseQuality(string? text) => text switch
    {
        "low" => OutputQuality.Low,
        "high" => OutputQuality.High,
        _ => OutputQuality.Medium,
    };

    private static void Print(ConvertResult r, IAnsiConsole console)
    {
        foreach (var w in r.Warnings) JobConsole.Warn(w);
        var t = new Table().Border(TableBorder.Rounded).AddColumn("Convert").AddColumn("Value");
        void Row(string k, string v) => t.AddRow(Markup.Escape(k), Markup.Escape(v));
        Row("Output", r.OutputPath);
        Row("Format", $"{r.Format.ToString().ToLowerInvariant()}, {r.Quality.ToString().ToLowerInvariant()} quality");
        Row("Size", $"{r.SourceWidth}x{r.SourceHeight} -> {r.Width}x{r.Height}{(r.RotationApplied != 0 ? $" (rotation {r.RotationApplied}° applied)" : "")}");
        Row("Video", $"{r.VideoCodec} at {r.FrameRate.ToDouble():0.###} fps, {r.FrameCount.ToString(CultureInfo.InvariantCulture)} frames");
        Row("Audio", r.AudioCodec ?? "none");
        Row("Duration", MediaTime.ToClock(r.DurationMs));
        Row("File size", $"{r.SizeBytes:N0} bytes");
        console.Write(t);
    }
}
