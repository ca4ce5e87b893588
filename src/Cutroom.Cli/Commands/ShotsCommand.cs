using System.CommandLine;
using System.Globalization;
using Cutroom.Cli.Infrastructure;
using Cutroom.Engine.Analysis;
using Cutroom.Engine.Common;
using Cutroom.Engine.Shots;
using Cutroom.Contract.Errors;
using Cutroom.Contract.Jobs;
using Cutroom.FFmpeg.Errors;
using Cutroom.Contract.Time;
using Spectre.Console;

namespace Cutroom.Cli.Commands;

/// <summary><c>cutroom shots FILE [--json] [--csv F] [--edl F] [--otio F]</c>: the shot list.</summary>
internal static class ShotsCommand
{
    public static Command Create()
    {
        var file = CliOptions.InputFile();
        var csv = new Option<string?>("--csv") { Description = "Also write the shots as CSV to this file" };
        var edl = new Option<string?>("--edl") { Description = "Also write the shots as a CMX 3600 EDL to this file" };
        var otio = new Option<string?>("--otio") { Description = "Also write the shots as an OpenTimelineIO JSON timeline to this file" };
        var mode = new Option<string>("--mode") { Description = "exact (every frame, default), fast (keyframes only) or auto (fast above 10 minutes)", DefaultValueFactory = _ => "exact" };
        var noCache = new Option<bool>("--no-cache") { Description = "Analyse again even when a cached analysis exists" };
        var json = CliOptions.Json();
        var cmd = new Command("shots", "List the shots (hard cuts and fades) of a video; end frames and times are exclusive") { file, csv, edl, otio, mode, noCache, json };
        cmd.SetAction((parse, ct) => JobConsole.RunAsync("Detecting shots", parse.GetValue(json), async (progress, token) =>
        {
            var input = parse.GetValue(file)!;
            var request = new ShotsRequest(input) { Mode = ParseMode(parse.GetValue(mode), ShotsRequest.ModeField), UseCache = !parse.GetValue(noCache) };
            var result = await new ShotsJob(EngineContext.CreateDefault()).RunAsync(request, progress.AsJobProgress(), token);
            var ranges = ShotExport.FromShots(result.Shots);
            var rate = Rational.ParseOrUnknown(result.FrameRate);
            if (parse.GetValue(csv) is { } c) ShotExport.Write(c, ShotExport.Csv(ranges));
            if (parse.GetValue(edl) is { } e) ShotExport.Write(e, ShotExport.Edl(ranges, Path.GetFileNameWithoutExtension(input), result.Source, rate));
            if (parse.GetValue(otio) is { } o) ShotExport.Write(o, ShotExport.Otio(ranges, Path.GetFileNameWithoutExtension(input), input, rate, result.DurationMs));
            foreach (var w in result.Warnings) JobConsole.Warn(w);
            return result;
        }, Print, ct));
        return cmd;
    }

    /// <summary>An analysis mode of the command line (<c>exact</c>, <c>fast</c>, <c>auto</c>) for the request field <paramref name="field"/>.</summary>
    /// <exception cref="JobInputException">Code <c>unknown_value</c> for any other word.</exception>
    internal static AnalysisMode ParseMode(string? text, string field) => text?.ToLowerInvariant() switch
    {
        "exact" => AnalysisMode.Exact,
        "fast" => AnalysisMode.Fast,
        "auto" or null => AnalysisMode.Auto,
        _ => throw new JobInputException(JobErrorCodes.UnknownValue, field, $"must be exact, fast or auto (got '{text}')"),
    };

    private static void Print(ShotsResult r, IAnsiConsole console)
    {
        var t = new Table().Border(TableBorder.Rounded).AddColumn("#").AddColumn("Frames").AddColumn("Start").AddColumn("End").AddColumn("Length").AddColumn("Begins with");
        foreach (var s in r.Shots)
            t.AddRow(s.Index.ToString(CultureInfo.InvariantCulture), $"{s.StartFrame}-{s.EndFrame}", MediaTime.ToClock(s.StartMs), MediaTime.ToClock(s.EndMs),
                MediaTime.ToClock(s.EndMs - s.StartMs), s.Transition is null ? "start" : string.Create(CultureInfo.InvariantCulture, $"{s.Transition.ToString()!.ToLowerInvariant()} ({s.Score:0.0})"));
        console.Write(t);
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"{r.Shots.Count} shot(s) in {MediaTime.ToClock(r.DurationMs)}, {r.Mode.ToString().ToLowerInvariant()} analysis in {MediaTime.FromMilliseconds(r.ElapsedMs).TotalSeconds:0.0} s"));
    }
}
