using System.Diagnostics;
using Cutroom.Agent.Planning.BuiltIn;
using Xunit.Abstractions;

namespace Cutroom.Agent.Tests.Planning;

/// <summary>
/// A benchmark, not a test (tier <c>Bench</c>, left out of <c>./test.sh</c>: a timed assertion fails on a loaded
/// machine): the built-in planner's time per message over the whole corpus, after one warm-up pass, against the
/// 5 ms budget. Run it on a quiet machine: <c>dotnet test tests/Cutroom.Agent.Tests -c Release --filter Tier=Bench
/// --logger "console;verbosity=detailed"</c>.
/// </summary>
[Trait("Tier", "Bench")]
public sealed class PlannerSpeedBenchmark(ITestOutputHelper output)
{
    [Fact]
    public void Planning_a_message_takes_under_5_ms()
    {
        var planner = new BuiltInPlanner();
        var cases = Corpus.Cases();
        foreach (var c in cases) planner.Plan(c.Message, Corpus.State(c.State)); // warm up once (JIT, regex construction), as a running server is
        var times = new List<double>();
        foreach (var c in cases)
        {
            var state = Corpus.State(c.State);
            var sw = Stopwatch.StartNew();
            planner.Plan(c.Message, state);
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        var mean = times.Average();
        var p95 = times[(int)(times.Count * 0.95)];
        output.WriteLine($"planning time: mean {mean:0.000} ms, p95 {p95:0.000} ms, max {times[^1]:0.000} ms over {times.Count} messages");
        Assert.True(mean < 5 && p95 < 5, $"mean {mean:0.000} ms, p95 {p95:0.000} ms");
    }
}
