using System.Text.Json.Nodes;
using Cutroom.Agent.Tools;

namespace Cutroom.Agent.Tests.Tools;

[Trait("Tier", "Fast")]
public sealed class ToolRegistryTests
{
    // The table of ../shared/docs/agent-tools.md, in its order.
    private static readonly string[] Canonical =
    [
        "extract_frames", "thumbnail", "contact_sheet", "probe", "summarize", "highlights", "trim", "convert", "create_video",
        "animate_image", "add_clip", "remove_segment", "move_segment", "trim_segment", "split_segment", "set_speed", "add_text",
        "edit_text", "remove_text", "add_music", "set_volume", "add_transition", "set_aspect", "set_duration", "undo", "redo",
        "show_timeline", "credits", "export", "clarify", "help",
    ];

    [Fact]
    public void The_registry_holds_exactly_the_canonical_tools_in_order() =>
        Assert.Equal(Canonical, ToolRegistry.Default.All.Select(t => t.Name));

    [Fact]
    public void Every_tool_has_a_description_and_an_object_schema_without_extra_properties()
    {
        foreach (var tool in ToolRegistry.Default.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(tool.Description), tool.Name);
            Assert.Equal("object", tool.Schema["type"]?.GetValue<string>());
            Assert.False(tool.Schema["additionalProperties"]!.GetValue<bool>(), tool.Name);
        }
    }

    [Fact]
    public void The_extract_frames_schema_names_snake_case_arguments_with_ranges_and_enums()
    {
        var schema = ToolRegistry.Default.Find("extract_frames")!.Schema;
        var props = schema["properties"]!.AsObject();
        Assert.Equal(["media", "every_n", "fps", "at_ms", "interval_ms", "keyframes", "count", "format", "width", "start_ms", "end_ms"], props.Select(p => p.Key));
        Assert.Equal(["media"], schema["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("integer", props["every_n"]!["type"]!.GetValue<string>());
        Assert.Equal(1, props["every_n"]!["minimum"]!.GetValue<double>());
        Assert.Equal("array", props["at_ms"]!["type"]!.GetValue<string>());
        Assert.Equal(["jpg", "png", "webp"], props["format"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Contains("Nth", props["every_n"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Set_speed_requires_segment_and_speed_within_a_quarter_and_four()
    {
        var schema = ToolRegistry.Default.Find("set_speed")!.Schema;
        Assert.Equal(["segment", "speed"], schema["required"]!.AsArray().Select(n => n!.GetValue<string>()).Order());
        Assert.Equal(0.25, schema["properties"]!["speed"]!["minimum"]!.GetValue<double>());
        Assert.Equal(4, schema["properties"]!["speed"]!["maximum"]!.GetValue<double>());
    }

    [Fact]
    public void A_valid_call_binds_to_its_typed_record()
    {
        var (tool, args) = ToolRegistry.Default.Bind(new ToolCall("extract_frames", new JsonObject { ["media"] = "med_1", ["every_n"] = 10 }));
        var typed = Assert.IsType<Cutroom.Agent.Tools.Args.ExtractFramesArgs>(args);
        Assert.Equal("extract_frames", tool.Name);
        Assert.Equal(10, typed.EveryN);
        Assert.Equal("med_1", typed.Media);
    }

    [Theory]
    [InlineData("extract_frames", """{"every_n":10}""", "media")]                       // required missing
    [InlineData("extract_frames", """{"media":"med_1","evry_n":10}""", "evry_n")]       // unknown argument
    [InlineData("extract_frames", """{"media":"med_1","every_n":0}""", "every_n")]      // out of range
    [InlineData("extract_frames", """{"media":"med_1","every_n":5,"fps":2}""", "one of")] // two selectors
    [InlineData("set_speed", """{"segment":"all","speed":9}""", "speed")]
    [InlineData("set_aspect", """{"aspect":"3:2"}""", "aspect")]
    [InlineData("move_segment", """{"segment":"seg_1"}""", "at_ms or index")]
    [InlineData("trim_segment", """{"segment":"seg_1"}""", "cut_start_ms")]
    [InlineData("undo", """{"steps":2}""", "no arguments")]
    [InlineData("make_coffee", """{}""", "no such tool")]
    public void Invalid_calls_are_refused_with_the_argument_named(string name, string args, string expected)
    {
        var e = Assert.Throws<ToolArgumentException>(() => ToolRegistry.Default.Bind(new ToolCall(name, JsonNode.Parse(args)!.AsObject())));
        Assert.Contains(expected, e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Typed_records_serialise_without_absent_arguments()
    {
        var call = ToolCall.Of("add_text", new Cutroom.Agent.Tools.Args.AddTextArgs { Text = "夏季促销 \"50%\"", Color = "red" });
        Assert.Equal("""{"text":"夏季促销 \"50%\"","color":"red"}""", call.Args.ToJsonString(AgentJson.Options));
    }

    [Fact]
    public void Function_declarations_list_every_tool_for_an_llm()
    {
        var decl = ToolRegistry.Default.FunctionDeclarations();
        Assert.Equal(Canonical.Length, decl.Count);
        Assert.Equal("trim", decl[6]!["function"]!["name"]!.GetValue<string>());
        Assert.NotNull(decl[6]!["function"]!["parameters"]!["properties"]!["start_ms"]);
    }
}
