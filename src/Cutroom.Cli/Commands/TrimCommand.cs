using System.CommandLine;
using System.Globalization;
using Cutroom.Cli.Infrastructure;
using Cutroom.Engine.Common;
using Cutroom.Engine.Trim;
using Cutroom.Contract.Errors;
using Cutroom.Contract.Jobs;
using Cutroom.FFmpeg.Errors;
using Cutroom.Contract.Time;
using Spectre.Console;

namespace Cutroom.Cli.Commands;

/// <summary><c>cutroom trim FILE --from T --to T -o out.mp4 [--mode exact|fast]</c>: cut a range into an MP4.</summary>
internal static class TrimCommand
{
    public static Command Create()
    {
        var file = CliOptions.InputFile();
        var from = new Option<string>("--from") { Description = "Start time: seconds (12.5, 90s, 250ms) or a clock (1:02.250)", Required = true };
        var to = new Option<string>("--to") { Description = "End time (exclusive), same forms as --from", Required = true };
        var output = CliOptions.OutputFile("The MP4 to write");
        var mode = new Option<string>("--mode") { Description = "exact: re-encode, frame-exact (default); fast: copy from the keyframe before --from (relies on an MP4 edit list)", DefaultValueFactory = _ => "exact" };
        mode.AcceptOnlyFromAmong("exact", "fast", "smart");
        var quality = ConvertCommand.QualityOption();
        var json = CliOptions.Json();
        var cmd = new Command("trim", "Cut a time range out of a video into an MP4 (H.264 High + AAC, +faststart)") { file, from, to, output, mode, quality, json };
        cmd.SetAction((parse, ct) => JobConsole.RunAsync("Trimming", parse.GetValue(json), async (progress, token) =>
        {
            var request = new TrimRequest(parse.GetValue(file)!, ParseTime(parse.GetValue(from), JobFields.Start), ParseTime(parse.GetValue(to), JobFields.End), parse.GetValue(output)!)
            {
                Mode = ParseMode(parse.GetValue(mode)),
                Quality = ConvertCommand.ParseQuality(parse.GetValue(quality)),
            };
            return await new TrimJob(EngineContext.CreateDefault()).RunAsync(request, progress.AsJobProgress(), token);
        }, Print, ct, Flags));
        return cmd;
    }

    /// <summary>The request's fields whose flags are not <c>--field</c>.</summary>
    private static readonly Dictionary<string, string> Flags = new() { [JobFields.Start] = "--from", [JobFields.End] = "--to" };

    /// <summary>Parses a time of the command line (<c>12.5</c>, <c>90s</c>, <c>250ms</c>, <c>1:02.250</c>) for the request field <paramref name="field"/>.</summary>
    /// <exception cref="JobInputException">Code <c>wrong_type</c> when the text is not a time.</exception>
    internal static MediaTime ParseTime(string? text, string field) =>
        MediaTime.TryParse(text, out var us) ? MediaTime.FromMicroseconds(us)
            : throw new JobInputException(JobErrorCodes.WrongType, field, $"'{text}' is not a time (use 12.5, 90s, 250ms or 1:02.250)");

    private static TrimMode ParseMode(string? text) => text switch
    {
        "fast" => TrimMode.Fast,
        "smart" => throw new JobInputException(JobErrorCodes.UnknownValue, TrimRequest.ModeField, "smart is not offered: joining a re-encoded head to copied H.264 needs identical encoder parameters (SPS/PPS), which x264 cannot promise for an arbitrary source; use exact or fast"),
        _ => TrimMode.Exact,
    };

    private static void Print(TrimResult r, IAnsiConsole console)
    {
        foreach (var w in r.Warnings) JobConsole.Warn(w);
        var t = new Table().Border(TableBorder.Rounded).AddColumn("Trim").AddColumn("Value");
        void Row(string k, string? v) { if (!string.IsNullOrEmpty(v)) t.AddRow(Markup.Escape(k), Markup.Escape(v)); }
        Row("Output", r.OutputPath);
        Row("Mode", r.Mode.ToString().ToLowerInvariant());
        Row("Requested", $"{MediaTime.ToClock(r.RequestedFromMs)} - {MediaTime.ToClock(r.RequestedToMs)}");
        Row("Cut", $"{MediaTime.ToClock(r.StartMs)} - {MediaTime.ToClock(r.EndMs)} (first frame #{r.FirstFrame})");
        if (r.KeyframeMs is { } k) Row("Copied from keyframe", $"{MediaTime.ToClock(k)} ({r.HiddenFrames} frame(s) hidden by the edit list)");
        if (r.DecodedFromMs is { } d) Row("Decoded from", MediaTime.ToClock(d));
        Row("Duration", $"{MediaTime.ToClock(r.DurationMs)} ({r.FrameCount.ToString(CultureInfo.InvariantCulture)} frames)");
        Row("Video", $"{r.VideoCodec} {r.Width}x{r.Height} at {r.FrameRate.ToDouble():0.###} fps");
        Row("Audio", r.AudioCodec ?? "none");
        console.Write(t);
    }
}
