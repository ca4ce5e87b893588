using System.Text.Json.Nodes;
using Cutroom.Agent.Execution.Executors;
using Cutroom.Agent.Tools;
using Cutroom.Agent.Tools.Args;
using Cutroom.Contract.Time;
using Cutroom.Engine.ContactSheets;
using Cutroom.Engine.Frames;

namespace Cutroom.Agent.Tests.Tools;

[Trait("Tier", "Fast")]
public class FrameArgsTests
{
    [Fact]
    public void The_tool_schemas_advertise_the_engine_limits()
    {
        var frames = ToolRegistry.Default.Find("extract_frames")!.Schema["properties"]!;
        Assert.Equal(FramesRequest.MaxCount, frames["count"]!["maximum"]!.GetValue<double>());
        Assert.Equal(FramesRequest.MaxWidth, frames["width"]!["maximum"]!.GetValue<double>());
        Assert.Equal(FramesRequest.MinWidth, frames["width"]!["minimum"]!.GetValue<double>());
        Assert.Equal(FramesRequest.MaxFps, frames["fps"]!["maximum"]!.GetValue<double>());
        var sheet = ToolRegistry.Default.Find("contact_sheet")!.Schema["properties"]!;
        Assert.Equal(ContactSheetRequest.MaxColumns, sheet["cols"]!["maximum"]!.GetValue<double>());
    }

    [Fact]
    public void The_selector_of_a_call_is_built_by_the_engine_with_an_exact_rate_and_one_per_second_by_default()
    {
        Assert.Equal(new FrameSelector.Rate(new Rational(1, 10)), ExtractFramesExecutor.Selector(Args("""{"media":"med_1","fps":0.1}""")));
        Assert.Equal(new FrameSelector.Rate(new Rational(1, 1)), ExtractFramesExecutor.Selector(Args("""{"media":"med_1"}""")));
        Assert.Equal(new FrameSelector.Interval(MediaTime.FromSeconds(2)), ExtractFramesExecutor.Selector(Args("""{"media":"med_1","interval_ms":2000}""")));
        var at = Assert.IsType<FrameSelector.At>(ExtractFramesExecutor.Selector(Args("""{"media":"med_1","at_ms":[1500]}""")));
        Assert.Equal([MediaTime.FromMilliseconds(1500)], at.Times);
    }

    [Fact]
    public void A_fps_of_zero_or_over_the_limit_is_refused_when_the_call_is_bound()
    {
        Assert.Throws<ToolArgumentException>(() => Args("""{"media":"med_1","fps":0}"""));
        Assert.Throws<ToolArgumentException>(() => Args($$"""{"media":"med_1","fps":{{FramesRequest.MaxFps + 1}}}"""));
    }

    private static ExtractFramesArgs Args(string json) =>
        (ExtractFramesArgs)ToolRegistry.Default.Bind(new ToolCall("extract_frames", JsonNode.Parse(json)!.AsObject())).Args;
}
