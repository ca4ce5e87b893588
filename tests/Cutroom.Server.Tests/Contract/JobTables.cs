using System.Text.Json.Nodes;
using Cutroom.Agent.Tools;
using Cutroom.Contract.Errors;
using static Cutroom.Server.Tests.Contract.BadFile;

namespace Cutroom.Server.Tests.Contract;

/// <summary>
/// The rows of every job's table: the same bad request through the CLI, the agent and HTTP, and the
/// code all three must give. The cockatoo video is 14 s long, so 20 s is past its end.
/// </summary>
internal static class JobTables
{
    private static ToolCall Call(string tool, string media, JsonObject? args = null)
    {
        var o = args ?? [];
        o["media"] = media;
        return new ToolCall(tool, o);
    }

    /// <summary>The rows every job on a video shares: a missing file, not a video (text, sound), a picture over the size limit, a damaged file.</summary>
    /// <param name="soundIsInput">True for a job that takes a sound alone too (highlights of a talk's audio): no "WAV as the video" row.</param>
    private static IEnumerable<ContractRow> VideoInputRows(Func<string, TempDir, string[]>? cli, Func<string, ToolCall>? tool, bool soundIsInput = false) =>
    [
        new("a missing file", MissingVideo, JobErrorCodes.NotFound, ErrorKind.NotFound, cli, tool),
        new("a text file named .mp4", TextAsVideo, JobErrorCodes.UnsupportedMedia, ErrorKind.UnsupportedMedia, cli, tool),
        .. soundIsInput ? Array.Empty<ContractRow>() : [new ContractRow("a WAV file given as the video", Sound, JobErrorCodes.UnsupportedMedia, ErrorKind.UnsupportedMedia, cli, tool)],
        new("a video over the size limit", HugeVideo, JobErrorCodes.OverLimit, ErrorKind.OverLimit, cli, tool),
        new("a truncated MP4 that ffmpeg cannot read", TruncatedVideo, null, ErrorKind.MediaFailed, cli, tool),
    ];

    /// <summary>The rows every job on a photo shares.</summary>
    private static IEnumerable<ContractRow> PhotoInputRows(Func<string, TempDir, string[]>? cli, Func<string, ToolCall>? tool) =>
    [
        new("a missing file", MissingPhoto, JobErrorCodes.NotFound, ErrorKind.NotFound, cli, tool),
        new("a text file named .jpg", TextAsPhoto, JobErrorCodes.UnsupportedMedia, ErrorKind.UnsupportedMedia, cli, tool),
        new("a WAV file given as the picture", Sound, JobErrorCodes.UnsupportedMedia, ErrorKind.UnsupportedMedia, cli, tool),
        new("a truncated JPEG that ffmpeg cannot read", TruncatedPhoto, null, ErrorKind.MediaFailed, cli, tool),
    ];

    public static IEnumerable<ContractRow> Frames() =>
    [
        new("a time past the end", Video, JobErrorCodes.OutOfRange, ErrorKind.BadInput,
            (f, d) => ["frames", f, "--out", d.File("out"), "--at", "20"],
            m => Call(ToolNames.ExtractFrames, m, new JsonObject { ["at_ms"] = new JsonArray(20_000) })),
        new("more frames than the limit", Video, JobErrorCodes.OverLimit, ErrorKind.OverLimit,
            (f, d) => ["frames", f, "--out", d.File("out"), "--count", "20000"],
            m => Call(ToolNames.ExtractFrames, m, new JsonObject { ["count"] = 20_000 })),
        .. VideoInputRows((f, d) => ["frames", f, "--out", d.File("out"), "--every", "10"], m => Call(ToolNames.ExtractFrames, m, new JsonObject { ["every_n"] = 10 })),
    ];

    public static IEnumerable<ContractRow> Thumbnail() =>
    [
        // The CLI's thumbnail has no time option: only the agent and HTTP can ask for a frame at a time.
        new("a time past the end", Video, JobErrorCodes.OutOfRange, ErrorKind.BadInput,
            null, m => Call(ToolNames.Thumbnail, m, new JsonObject { ["at_ms"] = 20_000 })),
        .. VideoInputRows((f, d) => ["thumbnail", f, "-o", d.File("t.jpg")], m => Call(ToolNames.Thumbnail, m)),
    ];

    public static IEnumerable<ContractRow> Trim() =>
    [
        new("a time past the end", Video, JobErrorCodes.OutOfRange, ErrorKind.BadInput,
            (f, d) => ["trim", f, "--from", "20", "--to", "25", "-o", d.File("out.mp4")],
            m => Call(ToolNames.Trim, m, new JsonObject { ["start_ms"] = 20_000, ["end_ms"] = 25_000 })),
        .. VideoInputRows((f, d) => ["trim", f, "--from", "1", "--to", "2", "-o", d.File("out.mp4")],
            m => Call(ToolNames.Trim, m, new JsonObject { ["start_ms"] = 1000, ["end_ms"] = 2000 })),
    ];

    public static IEnumerable<ContractRow> ContactSheet() =>
    [
        new("more columns than the limit", Video, JobErrorCodes.OverLimit, ErrorKind.OverLimit,
            (f, d) => ["contact-sheet", f, "-o", d.File("s.jpg"), "--cols", "11"],
            m => Call(ToolNames.ContactSheet, m, new JsonObject { ["cols"] = 11 })),
        .. VideoInputRows((f, d) => ["contact-sheet", f, "-o", d.File("s.jpg")], m => Call(ToolNames.ContactSheet, m)),
    ];

    public static IEnumerable<ContractRow> Convert() =>
        VideoInputRows((f, d) => ["convert", f, "-o", d.File("c.mp4")], m => Call(ToolNames.Convert, m));

    /// <summary>The summary reads a talk's sound alone too, so its table has no "WAV as the video" row.</summary>
    public static IEnumerable<ContractRow> Summary() =>
        VideoInputRows((f, d) => ["summary", f, "-o", d.File("sum")], m => Call(ToolNames.Summarize, m), soundIsInput: true);

    public static IEnumerable<ContractRow> Highlights() =>
    [
        new("a shortest clip longer than the video", Video, JobErrorCodes.OutOfRange, ErrorKind.BadInput,
            (f, d) => ["highlights", f, "--out", d.File("h"), "--min", "20s"],
            m => Call(ToolNames.Highlights, m, new JsonObject { ["min_ms"] = 20_000 })),
        new("more clips than the limit", Video, JobErrorCodes.OverLimit, ErrorKind.OverLimit,
            (f, d) => ["highlights", f, "--out", d.File("h"), "--count", "51"],
            m => Call(ToolNames.Highlights, m, new JsonObject { ["count"] = 51 })),
        .. VideoInputRows((f, d) => ["highlights", f, "--out", d.File("h")], m => Call(ToolNames.Highlights, m), soundIsInput: true),
    ];

    public static IEnumerable<ContractRow> Animate() =>
    [
        // Animate has no in-point: its bad time is a length over the limit.
        new("a length over the limit", Picture, JobErrorCodes.OverLimit, ErrorKind.OverLimit,
            (f, d) => ["animate", f, "-o", d.File("a.mp4"), "--duration", "700"],
            m => Call(ToolNames.AnimateImage, m, new JsonObject { ["duration_ms"] = 700_000 })),
        new("a video given as the picture", Video, JobErrorCodes.UnsupportedMedia, ErrorKind.UnsupportedMedia,
            (f, d) => ["animate", f, "-o", d.File("a.mp4")], m => Call(ToolNames.AnimateImage, m)),
        .. PhotoInputRows((f, d) => ["animate", f, "-o", d.File("a.mp4"), "--duration", "1", "--aspect", "1:1"],
            m => Call(ToolNames.AnimateImage, m, new JsonObject { ["duration_ms"] = 1000, ["aspect"] = "1:1" })),
    ];

    public static IEnumerable<ContractRow> Create() =>
    [
        new("a length over the limit", Picture, JobErrorCodes.OverLimit, ErrorKind.OverLimit,
            (f, d) => ["create", f, "-o", d.File("c.mp4"), "--duration", "7200"],
            m => new ToolCall(ToolNames.CreateVideo, new JsonObject { ["media"] = new JsonArray(m), ["duration_ms"] = 7_200_000 })),
        .. PhotoInputRows((f, d) => ["create", f, "-o", d.File("c.mp4"), "--duration", "2", "--size", "320x180", "--quality", "low"],
            m => new ToolCall(ToolNames.CreateVideo, new JsonObject { ["media"] = new JsonArray(m), ["duration_ms"] = 2000 })),
    ];

    /// <summary>Rows as xunit data: the row's name (the rows are found again by name).</summary>
    public static TheoryData<string> Names(IEnumerable<ContractRow> rows)
    {
        var data = new TheoryData<string>();
        foreach (var r in rows) data.Add(r.Name);
        return data;
    }
}
