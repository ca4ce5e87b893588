using System.Globalization;
using Cutroom.Agent.Execution;
using Cutroom.Agent.Planning.BuiltIn;
using Cutroom.Agent.Sessions;
using Cutroom.Agent.Tools;
using Cutroom.Agent.Turns;
using Cutroom.Engine.Common;

namespace Cutroom.Agent.Tests.Workflows;

/// <summary>A chat against real media: sessions in a temp folder, the built-in planner, the real engine. Exports are rendered small and at low quality to stay fast.</summary>
public sealed class ChatKit : IDisposable
{
    private readonly TempDir _dir = new();
    private int _sessions;

    public EngineContext Engine { get; } = EngineContext.CreateDefault();

    public AgentOptions Options { get; } = new() { MaxExportHeight = 240, DefaultExportQuality = "low" };

    public EditAgent Agent => new(new BuiltInPlanner(), new ToolRunner(ToolRegistry.Default), Engine, Options);

    public async Task<FolderSession> SessionAsync(params string[] realMedia)
    {
        var s = new FolderSession(_dir.File(string.Create(CultureInfo.InvariantCulture, $"session{++_sessions}")), new MemoryCreditAccount(100));
        await s.UploadAsync(Engine, realMedia.Select(TestMedia.Real));
        return s;
    }

    public async Task<TurnResult> SayAsync(FolderSession session, string message, List<AgentEvent>? events = null)
    {
        var result = await Agent.RunAsync(session, message, e => events?.Add(e));
        Assert.False(string.IsNullOrWhiteSpace(result.Text), $"\"{message}\" ended without text");
        return result;
    }

    /// <summary>ffprobe's duration (s), height and whether it has sound.</summary>
    public static (double Seconds, int Width, int Height, bool Audio) Probe(string file)
    {
        var (code, stdout, stderr) = TestMedia.Run("ffprobe", ["-v", "error", "-show_entries", "format=duration:stream=codec_type,width,height", "-of", "json", file]);
        Assert.True(code == 0, stderr);
        var json = System.Text.Json.Nodes.JsonNode.Parse(stdout)!;
        var streams = json["streams"]!.AsArray();
        var video = streams.First(s => s!["codec_type"]!.GetValue<string>() == "video")!;
        return (double.Parse(json["format"]!["duration"]!.GetValue<string>(), CultureInfo.InvariantCulture), video["width"]!.GetValue<int>(), video["height"]!.GetValue<int>(),
            streams.Any(s => s!["codec_type"]!.GetValue<string>() == "audio"));
    }

    public void Dispose() => _dir.Dispose();
}
