using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Cutroom.Agent.Planning;
using Cutroom.Agent.Planning.BuiltIn;
using Cutroom.Agent.Tools;
using Xunit.Abstractions;

namespace Cutroom.Agent.Tests.Planning;

[Trait("Tier", "Fast")]
public sealed partial class CorpusAccuracyTests(ITestOutputHelper output)
{
    [GeneratedRegex(@"[\u4e00-\u9fff]")]
    private static partial Regex Han();

    [Fact]
    public void The_corpus_has_at_least_200_messages_and_60_in_Chinese()
    {
        var cases = Corpus.Cases();
        Assert.True(cases.Count >= 200, $"{cases.Count} messages");
        Assert.True(cases.Count(c => Han().IsMatch(c.Message)) >= 60);
    }

    [Fact]
    public void Every_expected_call_is_a_valid_call_of_the_registry()
    {
        foreach (var c in Corpus.Cases())
            foreach (var call in c.Expected)
            {
                var ex = Record.Exception(() => ToolRegistry.Default.Bind(call));
                Assert.True(ex is null, $"{c.File}:{c.Line} {call}: {ex?.Message}");
            }
    }

    [Fact]
    public void The_built_in_planner_gets_at_least_95_percent_of_the_corpus_right()
    {
        var planner = new BuiltInPlanner();
        var cases = Corpus.Cases();
        var misses = new StringBuilder();
        var hits = 0;
        foreach (var c in cases)
        {
            var plan = planner.Plan(c.Message, Corpus.State(c.State));
            if (Corpus.Matches(c.Expected, plan.Calls)) { hits++; continue; }
            misses.AppendLine($"  {c.File}:{c.Line} [{c.State}] \"{c.Message}\"");
            misses.AppendLine($"      expected: {string.Join(" ; ", c.Expected)}");
            misses.AppendLine($"      planned:  {string.Join(" ; ", plan.Calls)}");
        }
        var accuracy = 100.0 * hits / cases.Count;
        output.WriteLine($"corpus accuracy: {hits}/{cases.Count} = {accuracy:0.0}%");
        output.WriteLine(misses.ToString());
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "corpus-report.txt"), $"corpus accuracy: {hits}/{cases.Count} = {accuracy:0.0}%\n{misses}");
        Assert.True(accuracy >= 95, $"corpus accuracy {accuracy:0.0}% ({hits}/{cases.Count}) is below 95%; misses:\n{misses}");
    }

    /// <summary>
    /// The held-out set (corpus/holdout) was written after the planner, without running it first;
    /// its accuracy is reported, not tuned to (docs/agent.md has the figure), and only guarded
    /// against collapse.
    /// </summary>
    [Fact]
    public void The_held_out_messages_are_reported()
    {
        var planner = new BuiltInPlanner();
        var cases = Corpus.Cases(Path.Combine(Corpus.Folder, "holdout"));
        var misses = new StringBuilder();
        var hits = 0;
        foreach (var c in cases)
        {
            var plan = planner.Plan(c.Message, Corpus.State(c.State));
            if (Corpus.Matches(c.Expected, plan.Calls)) { hits++; continue; }
            misses.AppendLine($"  {c.File}:{c.Line} \"{c.Message}\"\n      expected: {string.Join(" ; ", c.Expected)}\n      planned:  {string.Join(" ; ", plan.Calls)}");
        }
        var accuracy = 100.0 * hits / cases.Count;
        output.WriteLine($"held-out accuracy: {hits}/{cases.Count} = {accuracy:0.0}%\n{misses}");
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "holdout-report.txt"), $"held-out accuracy: {hits}/{cases.Count} = {accuracy:0.0}%\n{misses}");
        Assert.True(accuracy >= 75, $"held-out accuracy {accuracy:0.0}%:\n{misses}");
    }

    [Fact]
    public void Every_reply_is_in_the_language_of_the_message()
    {
        var planner = new BuiltInPlanner();
        foreach (var c in Corpus.Cases())
        {
            var plan = planner.Plan(c.Message, Corpus.State(c.State));
            Assert.False(string.IsNullOrWhiteSpace(plan.Reply), c.Message);
            Assert.Equal(Han().IsMatch(c.Message), plan.Language == "zh");
            if (plan.Language == "zh") Assert.Matches(Han(), plan.Reply);
        }
    }
}
