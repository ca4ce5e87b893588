using System.CommandLine;
using System.Globalization;
using Cutroom.Cli.Infrastructure;
using Cutroom.Engine.Common;
using Cutroom.FFmpeg.Probe;
using Cutroom.Contract.Time;
using Spectre.Console;

namespace Cutroom.Cli.Commands;

/// <summary><c>cutroom probe FILE</c>: typed metadata of a media file.</summary>
internal static class ProbeCommand
{
    public static Command Create()
    {
        var file = CliOptions.InputFile();
        var json = CliOptions.Json();
        var cmd = new Command("probe", "Show a media file's metadata: container, duration, streams, rotation, HDR, VFR, tags, chapters") { file, json };
        cmd.SetAction((parse, ct) => JobConsole.RunAsync("Probing", parse.GetValue(json),
            async (_, token) => await EngineContext.CreateDefault().Prober.ProbeAsync(parse.GetValue(file)!, cancellationToken: token),
            Print, ct));
        return cmd;
    }

    private static void Print(MediaInfo info, IAnsiConsole console)
    {
        var t = new Table().Border(TableBorder.Rounded).AddColumn("Property").AddColumn("Value");
        void Row(string k, string? v) { if (!string.IsNullOrEmpty(v)) t.AddRow(Markup.Escape(k), Markup.Escape(v)); }
        Row("File", Path.GetFileName(info.Path));
        Row("Container", $"{info.Container} ({info.FormatName})");
        Row("Duration", info.DurationMs is { } d ? $"{MediaTime.FromMilliseconds(d).ToClock()} ({d} ms)" : "still image");
        Row("Size", $"{info.SizeBytes:N0} bytes");
        Row("Bitrate", info.BitRate is { } b ? $"{b / 1000} kb/s" : null);
        foreach (var s in info.Streams)
        {
            var label = $"#{s.Index} {s.Kind}";
            switch (s)
            {
                case VideoStreamInfo v:
                    Row(label, $"{v.Codec}{(v.Profile is null ? "" : $" ({v.Profile})")}, {v.Width}x{v.Height}" +
                        $"{(v.RotationDegrees != 0 ? $" rotated {v.RotationDegrees}° → {v.DisplayWidth}x{v.DisplayHeight}" : "")}, SAR {v.SampleAspectRatio}, DAR {v.DisplayAspectRatio}");
                    Row("  frame rate", $"{Fps(v.AverageFrameRate)} avg, {Fps(v.RealFrameRate)} real{(v.IsVariableFrameRate == true ? ", VFR (variable)" : v.IsVariableFrameRate == false ? ", constant" : "")}");
                    Row("  frames", v.FrameCount?.ToString(CultureInfo.InvariantCulture));
                    Row("  pixels", $"{v.PixelFormat}, colour {v.ColorSpace ?? "?"}/{v.ColorTransfer ?? "?"}/{v.ColorPrimaries ?? "?"}{(v.IsHdr ? ", HDR" : ", SDR")}");
                    break;
                case AudioStreamInfo a:
                    Row(label, $"{a.Codec}{(a.Profile is null ? "" : $" ({a.Profile})")}, {a.SampleRateHz} Hz, {a.Channels} ch{(a.ChannelLayout is null ? "" : $" ({a.ChannelLayout})")}");
                    break;
                default:
                    Row(label, s.Codec);
                    break;
            }
        }
        if (info.CreationTime is { } ctime) Row("Created", ctime.ToString("u", CultureInfo.InvariantCulture));
        Row("Location", info.Location);
        foreach (var c in info.Chapters) Row($"Chapter {c.Index + 1}", $"{MediaTime.FromMilliseconds(c.StartMs).ToClock()}-{MediaTime.FromMilliseconds(c.EndMs).ToClock()} {c.Title}");
        console.Write(t);
    }

    private static string Fps(Rational r) => r.IsPositive ? $"{r.ToDouble():0.###} fps ({r})" : "unknown";
}
